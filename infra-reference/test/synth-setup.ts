// Vitest globalSetup: one synth of dev and prod per test session (≈30 s), shared by every synth test. Writes to
// .sst/synth-test/ so the committed .synth/ is compared, not overwritten.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup() {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'scripts/synth.mjs'), '--out', '.sst/synth-test'], {
    cwd: root,
    stdio: 'inherit',
  });
}
