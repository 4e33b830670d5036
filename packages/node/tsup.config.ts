import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { pinoForLambda } from './build/pino-for-lambda';
import { writeThirdPartyLicenses } from './build/third-party-licenses';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  // `@internal` members stay out of the published types (#13).
  dts: { compilerOptions: { stripInternal: true } },
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'node20',
  platform: 'node',
  // pino is bundled without the destination, transport and worker-thread code Lambda never runs: about half
  // of pino's import cost, on every cold start (#13). See build/pino-for-lambda.ts.
  noExternal: ['pino'],
  esbuildPlugins: [pinoForLambda()],
  removeNodeProtocol: false,
  async onSuccess() {
    writeThirdPartyLicenses(fileURLToPath(new URL('.', import.meta.url)));
  },
});
