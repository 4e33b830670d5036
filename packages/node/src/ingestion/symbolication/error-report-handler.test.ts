import { describe, expect, it, vi } from 'vitest';
import type { collectStdout } from '../../../test/ingestion/fixtures';
import {
  bundle,
  fromMemory,
  RELEASE,
  report,
  errorReportHandler as setup,
} from '../../../test/ingestion/symbolication-case';
import { BUNDLE_URL, THROW_AT } from '../../../test/minified-bundle';
import type { SourceMapResolver } from './types';

const errorLines = (out: ReturnType<typeof collectStdout>) => out.logs().filter((l) => l.level === 'ERROR');

describe('createErrorReportHandler with sourceMaps', () => {
  it('keeps error.stack as sent and adds error.frames resolved to the original file and line, and an issueId', async () => {
    const { out, handler } = setup({ sourceMaps: fromMemory });

    const res = await handler(report());

    expect(res.statusCode).toBe(200);
    const [line] = errorLines(out);
    const error = line?.error as { stack: string; frames: { source?: Record<string, unknown> }[] };
    expect(error.stack).toBe(bundle.stack);
    expect(error.frames[0]).toMatchObject({
      url: BUNDLE_URL,
      line: 1,
      function: 'c',
      source: { file: THROW_AT.file, line: THROW_AT.line, name: 'applyDiscount' },
    });
    expect(line?.context).toMatchObject({
      issueId: expect.stringMatching(/^[0-9a-f]{16}$/),
      release: RELEASE,
    });
    // issueId is for the log only: never a dimension, not even a property of the metric document.
    const [doc] = out.emf();
    const issueId = String((line?.context as { issueId?: string } | undefined)?.issueId);
    expect(JSON.stringify(doc)).not.toContain(issueId);
    expect(doc?.errorType).toBe('RangeError'); // positive control: the document is the FrontendErrors one
  });

  it('logs the frames raw when the maps take longer than the budget, and still answers 200', async () => {
    const never: SourceMapResolver = () => new Promise(() => {});
    const { out, handler } = setup({ sourceMaps: never, symbolicationBudgetMs: 20 });

    const res = await handler(report());

    expect(res.statusCode).toBe(200);
    const frames = (errorLines(out)[0]?.error as { frames?: object[] } | undefined)?.frames ?? [];
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[0]).toEqual({ url: BUNDLE_URL, line: 1, column: expect.any(Number), function: 'c' });
    expect(frames.every((f) => !('source' in f))).toBe(true);
    expect(errorLines(out)[0]?.context).not.toHaveProperty('issueId');
  });

  it('warns once per file about a corrupt map, and answers 200 every time', async () => {
    const { out, handler } = setup({ sourceMaps: async () => 'not json' });

    const answers = [await handler(report()), await handler(report())];

    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const warnings = out.logs().filter((l) => l.level === 'WARN');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      message: 'Source map is corrupt',
      context: { release: RELEASE, file: BUNDLE_URL },
    });
    expect(errorLines(out)).toHaveLength(2);
  });

  it('answers 200 when the resolver throws synchronously', async () => {
    const { out, handler } = setup({
      sourceMaps: () => {
        throw new Error('bad resolver');
      },
    });

    const res = await handler(report());

    expect(res.statusCode).toBe(200);
    expect(errorLines(out)).toHaveLength(1);
  });

  it('turns a bad sourceMaps option into one warning and a handler that logs stacks as sent', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { out, handler } = setup({ sourceMaps: { directory: 42 } as never });

    const res = await handler(report());

    expect(res.statusCode).toBe(200);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('sourceMaps.directory must be a non-empty string');
    expect(errorLines(out)[0]?.error).not.toHaveProperty('frames');
    warn.mockRestore();
  });

  it('parses and loads nothing without the option', async () => {
    const { out, handler } = setup({});

    await handler(report());

    expect(errorLines(out)[0]?.error).not.toHaveProperty('frames');
    expect(errorLines(out)[0]?.error).toHaveProperty('stack', bundle.stack);
  });
});
