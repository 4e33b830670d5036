import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeEmf } from '../emf/write-emf';
import { createLogger } from '../logger/create-logger';
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
});
