import { expect, it } from 'vitest';
import { readSessionId } from './session-id';

const event = (value: unknown) => ({ headers: { 'x-session-id': value } });

it('gives each event its own verdict although the last header value is remembered', () => {
  const uuid = '0190A3C2-6F1E-7B2A-9C4D-1234567890AB';
  const sequence = [uuid, uuid, 'bad value!', uuid, 'plain-id_1', undefined, 'plain-id_1', 42, uuid];
  expect(sequence.map((v) => readSessionId(event(v)))).toEqual([
    uuid.toLowerCase(),
    uuid.toLowerCase(),
    undefined,
    uuid.toLowerCase(),
    'plain-id_1',
    undefined,
    'plain-id_1',
    undefined,
    uuid.toLowerCase(),
  ]);
  expect(readSessionId({ headers: { 'X-SESSION-ID': 'abc' } })).toBe('abc');
  expect(readSessionId({})).toBeUndefined();
});
