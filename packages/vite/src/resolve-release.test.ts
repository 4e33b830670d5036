import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveRelease } from './resolve-release';

// A folder outside any git repository, so the commit step finds nothing.
const bare = () => mkdtempSync(join(tmpdir(), 'um-release-'));

afterEach(() => vi.unstubAllEnvs());

describe('resolveRelease', () => {
  it('takes the option first', () => {
    vi.stubEnv('USERMETRICS_RELEASE', 'from-env');
    expect(resolveRelease('2.0.0', process.cwd())).toBe('2.0.0');
  });

  it('then USERMETRICS_RELEASE', () => {
    vi.stubEnv('USERMETRICS_RELEASE', 'from-env');
    expect(resolveRelease(undefined, bare())).toBe('from-env');
  });

  it('then the git commit of the project', () => {
    vi.stubEnv('USERMETRICS_RELEASE', '');
    expect(resolveRelease(undefined, process.cwd())).toMatch(/^[0-9a-f]{40}$/);
  });

  it("then package.json's version outside git", () => {
    vi.stubEnv('USERMETRICS_RELEASE', '');
    const dir = bare();
    writeFileSync(join(dir, 'package.json'), '{"version":"3.4.5"}');
    expect(resolveRelease(undefined, dir)).toBe('3.4.5');
  });

  it('fails with what to do when there is no release at all', () => {
    vi.stubEnv('USERMETRICS_RELEASE', '');
    expect(() => resolveRelease(undefined, bare())).toThrow(/pass usermetrics\(\{ release \}\)/);
  });
});
