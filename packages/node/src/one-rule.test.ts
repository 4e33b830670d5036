// #13 item 5: one rule each for the environment default, the session-id header and the EMF limits. These tests
// read the sources, so a second copy of a rule fails them even where it happens to agree today.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultEnvironment } from './context/default-environment';
import { resolveOptions as resolveIngestionOptions } from './ingestion/resolve-options';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = join(root, '..');

function sources(dir: string): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.includes('.test.')) continue;
    const path = join(entry.parentPath, entry.name);
    // Only code: comments may name a rule's inputs.
    const code = readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    out.push({ file: relative(packages, path), code });
  }
  return out;
}

const all = [...sources(join(packages, 'node', 'src')), ...sources(join(packages, 'middy', 'src'))];
const where = (pattern: RegExp) => all.filter((s) => pattern.test(s.code)).map((s) => s.file);

describe('one rule, one place', () => {
  it('reads the environment variables of the environment default in one file only', () => {
    expect(where(/USERMETRICS_ENVIRONMENT|NODE_ENV/)).toEqual(['node/src/context/default-environment.ts']);
  });

  it('declares the EMF name and value limits in one file only', () => {
    expect(where(/[=:]\s*(?:255|1024|250)\b/)).toEqual(['node/src/emf/limits.ts']);
  });

  it('parses X-Session-Id only through core parseSessionId', () => {
    expect(where(/A-Za-z0-9\._:-|isUuid\(/)).toEqual([]);
    expect(where(/parseSessionId\(/).sort()).toEqual([
      'node/src/ingestion/create-error-report-handler.ts',
      'node/src/ingestion/create-web-vitals-handler.ts',
      'node/src/wrapper/session-id.ts',
    ]);
  });

  it('gives the same environment default to the wrapper and the ingestion handlers', () => {
    const env = { USERMETRICS_ENVIRONMENT: '', NODE_ENV: '' };
    expect(defaultEnvironment(env)).toBe('production');
    const saved = { ...process.env };
    try {
      delete process.env.USERMETRICS_ENVIRONMENT;
      delete process.env.NODE_ENV;
      expect(resolveIngestionOptions('x', { stdout: { write() {} } }).environment).toBe(defaultEnvironment());
    } finally {
      Object.assign(process.env, saved);
    }
  });
});
