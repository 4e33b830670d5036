// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../test/helpers';
import * as runtimeModule from '../runtime/start-runtime';
import { createTrackerWith } from '../tracker/create-tracker';
import type { Tracker } from '../types';
import { createReplay, importOpenReplay } from './create-replay';
import { buildReplayOptions, sanitizeNetwork } from './replay-options';

const or = vi.hoisted(() => ({
  imported: 0,
  instances: [] as { options: Record<string, unknown>; calls: string[]; meta: Record<string, string> }[],
}));

vi.mock('@openreplay/tracker', () => {
  or.imported++;
  class FakeOpenReplay {
    calls: string[] = [];
    meta: Record<string, string> = {};
    constructor(public options: Record<string, unknown>) {
      or.instances.push(this);
    }
    start() {
      this.calls.push('start');
      return Promise.resolve({ success: true });
    }
    stop() {
      this.calls.push('stop');
    }
    setMetadata(k: string, v: string) {
      this.meta[k] = v;
    }
    setUserID(id: string) {
      this.meta.userId = id;
    }
    getSessionURL() {
      return 'https://openreplay.example/session/1';
    }
  }
  return { default: FakeOpenReplay };
});

const replay = { projectKey: 'pk', ingestPoint: 'https://openreplay.example/ingest' };
const live: Tracker[] = [];
// Counts real calls of the importer (vi.mock caches the module, so count loads, not evaluations).
const importer = vi.fn(importOpenReplay);

function setReadyState(state: DocumentReadyState) {
  Object.defineProperty(document, 'readyState', { configurable: true, value: state });
}
async function idle() {
  // The runtime's steps and then the replay loader each wait for idle time; let real timers and imports run.
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
}
function track(config: Record<string, unknown> = {}) {
  const tracker = createTrackerWith(
    { endpoint: 'https://api.example.com', replay, ...config },
    {
      clock: manualClock(),
      replayImporter: importer,
      // The runtime chunk, already imported above: timing here is about the replay loader's own waits.
      loadRuntime: async () => runtimeModule,
      makeRequest: async () => ({ status: 200, body: '{"errorId":"e"}' }),
    },
  );
  live.push(tracker);
  return tracker;
}

beforeEach(() => {
  or.instances.length = 0;
  importer.mockClear();
  window.sessionStorage.clear();
});
afterEach(async () => {
  await Promise.all(live.splice(0).map((t) => t.shutdown()));
  setReadyState('complete');
  Reflect.deleteProperty(navigator, 'doNotTrack');
});

describe('replay loader', () => {
  it('does not import OpenReplay before the load event, then loads it when idle', async () => {
    setReadyState('loading');
    const tracker = track();
    await idle();
    expect(importer).not.toHaveBeenCalled();
    setReadyState('complete');
    window.dispatchEvent(new Event('load'));
    await idle();
    expect(importer).toHaveBeenCalledTimes(1);
    expect(or.instances[0]?.calls).toEqual(['start']);
    expect(or.instances[0]?.meta).toEqual({
      sessionId: tracker.getSessionId(),
      userId: tracker.getSessionId(),
    });
    expect(tracker.getReplayUrl()).toBe('https://openreplay.example/session/1');
  });

  it('is not imported when the session is sampled out (and is at sampleRate 1: positive control)', async () => {
    track({ replay: { ...replay, sampleRate: 0 } });
    await idle();
    expect(importer).not.toHaveBeenCalled();
    track({ replay: { ...replay, sampleRate: 1 } });
    await idle();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('stays off with one warning when the sanitization rules cannot be applied, and starts with valid ones', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    track({ replay: { ...replay, sanitization: { version: 2, mask: ['.a'] } } });
    await idle();
    expect(importer).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('replay disabled: sanitization.version 2');
    // positive control: the same config with version 1 records, with the rules in OpenReplay's options
    track({ replay: { ...replay, sanitization: { version: 1, mask: ['.a'] } } });
    await idle();
    expect(importer).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('is not imported without replay consent, and loads once consent is given', async () => {
    const tracker = track({ consent: { replay: false } });
    await idle();
    expect(importer).not.toHaveBeenCalled();
    tracker.setConsent({ replay: true });
    await idle();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('is not imported under Do Not Track', async () => {
    Object.defineProperty(navigator, 'doNotTrack', { configurable: true, value: '1' });
    track();
    await idle();
    expect(importer).not.toHaveBeenCalled();
  });

  it('stops recording at once when replay consent is revoked', async () => {
    const tracker = track();
    await idle();
    expect(or.instances[0]?.calls).toEqual(['start']);
    tracker.setConsent({ replay: false });
    expect(or.instances[0]?.calls).toEqual(['start', 'stop']);
    expect(tracker.getReplayUrl()).toBeUndefined();
  });

  it('attaches the replay URL to error reports', async () => {
    const calls: string[] = [];
    const tracker = createTrackerWith(
      { endpoint: 'https://api.example.com', replay },
      {
        clock: manualClock(),
        replayImporter: importer,
        makeRequest: async (r) => {
          calls.push(r.body);
          return { status: 200, body: '{"errorId":"e"}' };
        },
      },
    );
    live.push(tracker);
    await idle();
    await tracker.trackError(new Error('x'));
    expect(JSON.parse(calls[0] ?? '{}').context.replayUrl).toBe('https://openreplay.example/session/1');
  });

  it('stays off silently when the import fails', async () => {
    const log = vi.fn();
    const controller = createReplay({
      options: replay,
      window,
      getSessionId: () => 's',
      importer: () => Promise.reject(new Error('Cannot find module')),
      log,
    });
    controller.start();
    await idle();
    expect(controller.getUrl()).toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('replay unavailable'), expect.any(Error));
  });
});

describe('replay options', () => {
  it('forces the privacy defaults and passes extra keys through', () => {
    const options = buildReplayOptions({
      ...replay,
      sampleRate: 0.5,
      obscureTextEmails: false,
      defaultInputMode: 0,
      capturePerformance: true,
    });
    expect(options).toMatchObject({
      projectKey: 'pk',
      ingestPoint: 'https://openreplay.example/ingest',
      obscureTextEmails: true,
      obscureInputEmails: true,
      obscureTextNumbers: true,
      defaultInputMode: 1,
      respectDoNotTrack: true,
      capturePerformance: true,
      network: { capturePayload: false },
    });
    expect(options).not.toHaveProperty('sampleRate');
    expect(options.consoleMethods).toContain('error');
  });

  it('the network sanitizer drops auth headers and redacts bodies (positive control: safe data stays)', () => {
    const options = buildReplayOptions({ ...replay, network: { capturePayload: true } });
    const sanitizer = (options.network as { sanitizer: typeof sanitizeNetwork }).sanitizer;
    const out = sanitizer({
      url: 'https://api.example.com/login',
      request: {
        body: JSON.stringify({ user: 'bob', password: 'hunter2', note: 'mail me at jane@example.com' }),
        headers: { Authorization: 'Bearer abc', Cookie: 'sid=1', Accept: 'application/json' },
      },
      response: {
        body: { token: 'secret-token', ok: true },
        headers: { 'Set-Cookie': 'sid=2', 'X-Trace': 't1' },
      },
    });
    const text = JSON.stringify(out);
    expect(text).toContain('bob');
    expect(text).toContain('application/json');
    expect(text).toContain('t1');
    for (const secret of ['hunter2', 'jane@example.com', 'Bearer abc', 'sid=1', 'sid=2', 'secret-token']) {
      expect(text).not.toContain(secret);
    }
    expect(options.network).toMatchObject({ capturePayload: true });
  });

  it('runs a user sanitizer after ours', () => {
    const user = vi.fn((d) => ({ ...d, url: 'user-touched' }));
    const out = sanitizeNetwork(
      {
        url: 'https://x',
        request: { body: null, headers: { authorization: 'a' } },
        response: { body: null, headers: {} },
      },
      user,
    );
    expect(user.mock.calls[0]?.[0].request.headers).toEqual({});
    expect(out?.url).toBe('user-touched');
  });
});
