import { defineConfig } from 'tsup';

export default defineConfig({
  // The CLI (bin) and the programmatic API (index); both formats, like every published package.
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
});
