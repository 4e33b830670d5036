// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type NavigationLog, recordNavigations } from './record-navigations';

let log: NavigationLog | undefined;
beforeEach(() => window.history.replaceState(null, '', '/start'));
afterEach(() => {
  log?.stop();
  vi.restoreAllMocks();
});

describe('recordNavigations', () => {
  it('answers the URL the page was on at a given time, and the current one without a time', () => {
    let now = 10;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const seen: string[] = [];
    log = recordNavigations(window, (href) => seen.push(new URL(href).pathname));
    now = 100;
    window.history.pushState(null, '', '/a');
    now = 200;
    window.history.pushState(null, '', '/b?x=1');
    const path = (t?: number) => new URL(log?.hrefAt(t) ?? '').pathname;
    expect([path(0), path(99), path(100), path(150), path(250), path()]).toEqual([
      '/start',
      '/start',
      '/a',
      '/a',
      '/b',
      '/b',
    ]);
    expect(seen).toEqual(['/a', '/b']);
  });

  it('ignores state-only replaceState calls, and stops recording when stopped', () => {
    const seen: string[] = [];
    log = recordNavigations(window, (href) => seen.push(new URL(href).pathname));
    window.history.replaceState({ scroll: 1 }, '', '/start');
    // positive control: a changed path is recorded
    window.history.replaceState(null, '', '/moved');
    log.stop();
    window.history.pushState(null, '', '/after-stop');
    expect(seen).toEqual(['/moved']);
  });
});
