import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectStdout, ORIGIN, v2Event } from '../../test/ingestion/fixtures';
import { httpApiV2Event, lambdaContext } from '../../test/lambda-fixtures';
import { createErrorReportHandler } from '../ingestion/create-error-report-handler';
import { withUsermetrics } from '../wrapper/with-usermetrics';
import { createLogger } from './create-logger';

const TRACE_A = 'Root=1-6745b1c2-0a1b2c3d4e5f60718293a4b5;Parent=53995c3f42cd8ad8;Sampled=1';
const TRACE_B = 'Root=1-6745b1c3-ffffffffffffffffffffffff;Sampled=0';

afterEach(() => {
  vi.unstubAllEnvs();
});

const lines = (out: ReturnType<typeof collectStdout>) => out.logs();

describe('traceId on every log line (#12 item 3)', () => {
  it('carries the Root of _X_AMZN_TRACE_ID, read again for every invocation', async () => {
    const out = collectStdout();
    const logger = createLogger('fn', { destination: out });
    const handler = withUsermetrics(
      async () => {
        logger.info('in handler');
        await Promise.resolve();
        logger.child({ orderId: 'o-1' }).warn('later');
        return 'ok';
      },
      { functionName: 'fn', environment: 'test', stdout: collectStdout() },
    );

    vi.stubEnv('_X_AMZN_TRACE_ID', TRACE_A);
    await handler(httpApiV2Event(), lambdaContext());
    vi.stubEnv('_X_AMZN_TRACE_ID', TRACE_B);
    await handler(httpApiV2Event(), lambdaContext());

    expect(lines(out).map((l) => l.traceId)).toEqual([
      '1-6745b1c2-0a1b2c3d4e5f60718293a4b5',
      '1-6745b1c2-0a1b2c3d4e5f60718293a4b5',
      '1-6745b1c3-ffffffffffffffffffffffff',
      '1-6745b1c3-ffffffffffffffffffffffff',
    ]);
  });

  it('carries it outside a wrapped invocation, and leaves it out when Lambda set none (control)', () => {
    const out = collectStdout();
    const logger = createLogger('fn', { destination: out });

    vi.stubEnv('_X_AMZN_TRACE_ID', TRACE_A);
    logger.info('with');
    vi.stubEnv('_X_AMZN_TRACE_ID', '');
    logger.info('without');

    const [withTrace, without] = lines(out);
    expect(withTrace?.traceId).toBe('1-6745b1c2-0a1b2c3d4e5f60718293a4b5');
    expect(without).not.toHaveProperty('traceId');
  });

  it('is on the ingestion handlers’ lines', async () => {
    const out = collectStdout();
    const handler = createErrorReportHandler({ stdout: out, allowedOrigins: [ORIGIN], environment: 'test' });

    vi.stubEnv('_X_AMZN_TRACE_ID', TRACE_B);
    await handler(v2Event({ body: '{"error":{"message":"boom"}}' }));

    expect(lines(out)[0]?.traceId).toBe('1-6745b1c3-ffffffffffffffffffffffff');
  });
});
