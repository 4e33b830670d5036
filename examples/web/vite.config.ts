import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built once by `npm run demo` and served by `usermetrics-dev`, which is also the API, the ingestion
// endpoint and the Umami/OpenReplay stand-in, so every URL in the app is same-origin.
export default defineConfig({
  plugins: [react()],
  build: { sourcemap: true, target: 'es2022' },
});
