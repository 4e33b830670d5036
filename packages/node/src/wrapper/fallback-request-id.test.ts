import { expect, it } from 'vitest';
import { createCollector } from '../../test/collect';
import { createInvocationLifecycle } from './invocation-lifecycle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

it('uses Lambda’s awsRequestId, and a fresh random UUID only when there is none (local runs, tests)', () => {
  const lifecycle = createInvocationLifecycle({
    functionName: 'fn',
    environment: 'test',
    stdout: createCollector(),
  });
  expect(lifecycle).toBeDefined();
  const fromLambda = lifecycle?.start({}, { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' });
  expect(fromLambda?.store.requestId).toBe('c6af9ac6-7b61-11e6-9a41-93e8deadbeef');
  const a = lifecycle?.start({}, undefined);
  const b = lifecycle?.start({}, { awsRequestId: '' });
  expect(a?.store.requestId).toMatch(UUID);
  expect(b?.store.requestId).toMatch(UUID);
  expect(a?.store.requestId).not.toBe(b?.store.requestId);
});
