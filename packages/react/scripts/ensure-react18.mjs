// Installs React 18.3 into test/react18/node_modules for the second test run (vitest.react18.config.ts), from
// that folder's package-lock.json. Skipped when it is already there; CI's fresh clone installs it once (~10 s).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../test/react18/', import.meta.url));
const installed = new URL('../test/react18/node_modules/react-dom/package.json', import.meta.url);
const wanted = JSON.parse(readFileSync(new URL('../test/react18/package.json', import.meta.url), 'utf8'))
  .dependencies['react-dom'];
if (!existsSync(installed) || JSON.parse(readFileSync(installed, 'utf8')).version !== wanted) {
  console.log(`[react18] installing react@${wanted} and react-dom@${wanted} into test/react18 …`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
