import { writeSync } from 'node:fs';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createLambdaContext } from './create-context';
import { invokeHandler } from './invoke-handler';
import { createStdoutCapture, type StdoutCapture } from './stdout-capture';
import { toApiGatewayEvent } from './to-api-gateway-event';
import type { LambdaHandler } from './types';

const event = toApiGatewayEvent(
  { method: 'GET', url: '/', headers: {}, body: Buffer.alloc(0) },
  { routeKey: 'GET /', requestId: 'r' },
);
const context = () => createLambdaContext({ functionName: 'fn', requestId: 'r', timeoutMs: 1000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let capture: StdoutCapture | undefined;
afterEach(() => capture?.release());

describe('invokeHandler', () => {
  it('returns the result and the lines written with console.log, process.stdout.write and a sync pino destination', async () => {
    capture = createStdoutCapture();
    // The same destination @usermetrics/node uses by default: sonic-boom writing to fd 1 with fs.writeSync.
    const destination = pino.destination({ dest: 1, sync: true });
    const handler: LambdaHandler = async () => {
      console.log(JSON.stringify({ level: 'INFO', message: 'from console' }));
      await sleep(5);
      process.stdout.write('partial ');
      process.stdout.write('line\n');
      destination.write('{"level":"INFO","message":"from sonic-boom"}\n');
      // An ESM named import of writeSync, as @usermetrics/node writes its lines.
      writeSync(1, '{"level":"INFO","message":"from an ESM writeSync"}\n');
      return { statusCode: 204 };
    };
    const outcome = await invokeHandler(handler, event, context(), { capture, timeoutMs: 1000 });
    expect(outcome.kind).toBe('result');
    expect(outcome.kind === 'result' && outcome.result).toEqual({ statusCode: 204 });
    expect(outcome.lines).toEqual([
      '{"level":"INFO","message":"from console"}',
      'partial line',
      '{"level":"INFO","message":"from sonic-boom"}',
      '{"level":"INFO","message":"from an ESM writeSync"}',
    ]);
  });

  it('keeps the lines of overlapping invocations apart', async () => {
    capture = createStdoutCapture();
    const handler =
      (name: string, delay: number): LambdaHandler =>
      async () => {
        console.log(`${name}-1`);
        await sleep(delay);
        console.log(`${name}-2`);
        return name;
      };
    const c = capture;
    const [a, b] = await Promise.all([
      invokeHandler(handler('a', 20), event, context(), { capture: c, timeoutMs: 1000 }),
      invokeHandler(handler('b', 1), event, context(), { capture: c, timeoutMs: 1000 }),
    ]);
    expect(a.lines).toEqual(['a-1', 'a-2']);
    expect(b.lines).toEqual(['b-1', 'b-2']);
  });

  it('turns a throw into an error outcome carrying the same object', async () => {
    capture = createStdoutCapture();
    const original = new RangeError('boom');
    const outcome = await invokeHandler(
      async () => {
        throw original;
      },
      event,
      context(),
      { capture, timeoutMs: 1000 },
    );
    expect(outcome.kind).toBe('error');
    expect(outcome.kind === 'error' && outcome.error).toBe(original);
  });

  it('gives up at the timeout', async () => {
    capture = createStdoutCapture();
    const outcome = await invokeHandler(() => sleep(200), event, context(), { capture, timeoutMs: 30 });
    expect(outcome.kind).toBe('timeout');
  });

  it('lets writes outside an invocation through and restores stdout when released', () => {
    const before = process.stdout.write;
    const c = createStdoutCapture();
    expect(process.stdout.write).not.toBe(before);
    c.release();
    expect(process.stdout.write).toBe(before);
  });
});
