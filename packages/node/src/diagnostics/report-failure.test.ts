import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeEmf } from '../emf/write-emf';
import { createLogger } from '../logger/create-logger';
import { metrics } from '../metrics/metrics';
import { withUsermetrics } from '../wrapper/with-usermetrics';
import { resetDiagnostics } from './report-failure';

const input = {
  namespace: 'Shop',
  dimensionSets: [['service']],
  dimensions: { service: 'cart' },
  metrics: [{ name: 'ItemsAdded', unit: 'Count', value: 1 }],
};
const broken = {
  write() {
    throw new Error('EPIPE');
  },
};

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  resetDiagnostics();
});

function captureStderr() {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe('the diagnostics channel (#13 item 4)', () => {
  it('with USERMETRICS_DEBUG=1, reports a swallowed failure once per place, with where, on stderr', () => {
    vi.stubEnv('USERMETRICS_DEBUG', '1');
    const stderr = captureStderr();

    writeEmf(input, broken);
    writeEmf(input, broken);
    createLogger('fn', { destination: broken }).info('x');

    expect(stderr).toHaveLength(2);
    expect(stderr[0]).toContain('[usermetrics] writeEmf failed');
    expect(stderr[0]).toContain('EPIPE');
    expect(stderr[1]).toContain('[usermetrics] logger failed');
  });

  it('says nothing when debug is off (the same failures; positive control above)', () => {
    vi.stubEnv('USERMETRICS_DEBUG', '');
    const stderr = captureStderr();

    writeEmf(input, broken);
    createLogger('fn', { destination: broken }).info('x');

    expect(stderr).toEqual([]);
  });

  it('is turned on by debug: true on the wrapper, and the handler result is unchanged', async () => {
    vi.stubEnv('USERMETRICS_DEBUG', '');
    const stderr = captureStderr();
    const handler = withUsermetrics(async () => 'ok', { functionName: 'fn', debug: true, stdout: broken });

    const result = await handler({}, { awsRequestId: 'r-1' });

    expect(result).toBe('ok');
    expect(stderr.join('')).toContain('[usermetrics] wrapper finish failed');
  });

  it('a sink whose writeAscii throws (the path of an all-ASCII invocation line) is caught the same way', async () => {
    vi.stubEnv('USERMETRICS_DEBUG', '');
    const stderr = captureStderr();
    const written: string[] = [];
    const asciiBroken = {
      write: (text: string) => written.push(text),
      writeAscii() {
        throw new Error('EPIPE');
      },
    };
    const handler = withUsermetrics(async () => 'ok', {
      functionName: 'fn',
      debug: true,
      stdout: asciiBroken,
    });

    const result = await handler({}, { awsRequestId: 'r-1' });

    expect(result).toBe('ok');
    expect(stderr.join('')).toContain('[usermetrics] wrapper finish failed');
    expect(written).toEqual([]); // the line went to writeAscii, not write
  });
});

describe('one guard per entry point', () => {
  /** Collects every line but fails on the user's metric document, as a broken pipe would. */
  function sinkFailingOn(marker: string) {
    const chunks: string[] = [];
    return {
      chunks,
      write(text: string) {
        if (text.includes(marker)) throw new Error('EPIPE');
        chunks.push(text);
      },
    };
  }

  async function invokeOnce(stdout: { write(text: string): void }) {
    const clock = { t: 0, now: () => clock.t, epochMs: () => 1_796_000_000_000 };
    const handler = withUsermetrics(
      async () => {
        metrics.add('OrdersPlaced', 1, 'Count');
        await metrics.flush();
        return 'ok';
      },
      { functionName: 'fn', environment: 'test', stdout, clock },
    );
    return handler({}, { awsRequestId: 'r-1' });
  }

  it('metrics.flush reports a failing sink once, with where, and stdout is byte-identical with debug off', async () => {
    vi.stubEnv('USERMETRICS_DEBUG', '');
    const stderrOff = captureStderr();
    const off = sinkFailingOn('OrdersPlaced');
    expect(await invokeOnce(off)).toBe('ok');
    expect(stderrOff).toEqual([]);

    resetDiagnostics();
    vi.stubEnv('USERMETRICS_DEBUG', '1');
    const on = sinkFailingOn('OrdersPlaced');
    expect(await invokeOnce(on)).toBe('ok');
    expect(await invokeOnce(on)).toBe('ok');

    const stderr = stderrOff; // the same spy collects both phases
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain('[usermetrics] metrics.flush failed');
    // Positive control: the wrapper's own document did reach stdout, in both runs alike.
    expect(off.chunks.join('')).toContain('"Invocations":1');
    expect(on.chunks.slice(0, off.chunks.length)).toEqual(off.chunks);
  });
});

describe('swallowed failures of user callbacks', () => {
  it('a throwing route option is reported with where it happened, and the handler still answers', async () => {
    vi.stubEnv('USERMETRICS_DEBUG', '1');
    const stderr = captureStderr();
    const out = { chunks: [] as string[], write: (t: string) => void out.chunks.push(t) };
    const handler = withUsermetrics(async () => 'ok', {
      functionName: 'fn',
      environment: 'test',
      stdout: out,
      route: () => {
        throw new Error('bad route table');
      },
    });

    expect(await handler({}, { awsRequestId: 'r-1' })).toBe('ok');

    expect(stderr.join('')).toContain('[usermetrics] route option failed');
    expect(stderr.join('')).toContain('bad route table');
    // The invocation is still counted, without a route dimension.
    expect(out.chunks.join('')).toContain('"Invocations":1');
    expect(out.chunks.join('')).not.toContain('"route"');
  });
});
