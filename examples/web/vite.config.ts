import { usermetrics } from '@usermetrics/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built once by `npm run demo` and served by `usermetrics-dev`, which is also the API, the ingestion
// endpoint and the Umami/OpenReplay stand-in, so every URL in the app is same-origin. The usermetrics plugin
// tags the build with a release (the git commit) and keeps its source maps private in .usermetrics/, where
// the collector's error-report handler reads them.
export default defineConfig({
  plugins: [react(), usermetrics()],
  build: { target: 'es2022' },
});
