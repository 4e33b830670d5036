import { fileURLToPath } from 'node:url';
import { configDefaults, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The same tests against React 18.3, the oldest React the peer range (>=18) promises. React 18 and its
// react-dom live in test/react18/node_modules (installed by scripts/ensure-react18.mjs from its own lockfile), so react-dom 18
// resolves react 18. Every import of react/react-dom — ours, @testing-library/react's, react-router's — is
// pointed there; those libraries are inlined so the aliases reach their imports too.
const react18 = (path: string) =>
  fileURLToPath(new URL(`./test/react18/node_modules/${path}`, import.meta.url));
// @testing-library/react and react-router resolve to CommonJS builds under Node, which Vite cannot inline: use
// their ES builds so the aliases reach their imports of react.
const workspaceModule = (path: string) =>
  fileURLToPath(new URL(`../../node_modules/${path}`, import.meta.url));

export default mergeConfig(base, {
  resolve: {
    alias: [
      {
        find: /^@testing-library\/react$/,
        replacement: workspaceModule('@testing-library/react/dist/@testing-library/react.esm.js'),
      },
      { find: /^react-router$/, replacement: workspaceModule('react-router/dist/development/index.mjs') },
      { find: /^react-dom\/(.*)$/, replacement: react18('react-dom/$1') },
      { find: /^react-dom$/, replacement: react18('react-dom') },
      { find: /^react\/(.*)$/, replacement: react18('react/$1') },
      { find: /^react$/, replacement: react18('react') },
    ],
  },
  test: {
    // rootErrorHandlers wires React 19's createRoot options (onCaughtError/onUncaughtError); React 18 roots
    // have no such options, so those tests only run against React 19.
    env: { USERMETRICS_REACT_MAJOR: '18' },
    exclude: [...configDefaults.exclude, 'src/root/root-error-handlers.test.tsx'],
    server: { deps: { inline: ['@testing-library/react', 'react-router'] } },
    coverage: { enabled: false },
  },
});
