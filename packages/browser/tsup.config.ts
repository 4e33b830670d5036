import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  platform: 'browser',
  // Optional peer, loaded with a dynamic import only when replay starts: it must stay a separate request.
  external: ['@openreplay/tracker'],
});
