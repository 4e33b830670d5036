import { describe, expect, it, vi } from 'vitest';
import type { ConsentState } from '../types';
import { browserOptsOut, createConsent } from './create-consent';

const nav = (extra: Record<string, unknown> = {}) => ({ ...extra }) as unknown as Navigator;
const make = (
  initial: Partial<ConsentState> | 'pending' | undefined,
  opts: { replay?: boolean; dnt?: boolean; navigator?: Navigator } = {},
) =>
  createConsent({
    initial,
    replayConfigured: opts.replay ?? true,
    respectDoNotTrack: opts.dnt ?? true,
    navigator: opts.navigator ?? nav(),
  });

describe('createConsent', () => {
  it('defaults to errors, performance and analytics on, replay on only when configured', () => {
    expect(make(undefined).get()).toEqual({ errors: true, performance: true, analytics: true, replay: true });
    expect(make(undefined, { replay: false }).get()).toEqual({
      errors: true,
      performance: true,
      analytics: true,
      replay: false,
    });
  });

  it("'pending' turns everything off until setConsent, which then enables only what it names", () => {
    const consent = make('pending');
    expect(consent.get()).toEqual({ errors: false, performance: false, analytics: false, replay: false });
    consent.set({ errors: true, analytics: true });
    expect(consent.get()).toEqual({ errors: true, performance: false, analytics: true, replay: false });
  });

  it.each([
    ['doNotTrack', { doNotTrack: '1' }],
    ['globalPrivacyControl', { globalPrivacyControl: true }],
  ])('%s turns analytics and replay off but keeps errors and performance', (_name, signal) => {
    const consent = make(undefined, { navigator: nav(signal) });
    expect(consent.get()).toEqual({ errors: true, performance: true, analytics: false, replay: false });
    // page code cannot override a browser-level opt-out
    consent.set({ analytics: true, replay: true });
    expect(consent.get().analytics).toBe(false);
    expect(consent.get().replay).toBe(false);
  });

  it('ignores DNT/GPC when respectDoNotTrack is false (positive control for the test above)', () => {
    const consent = make(undefined, {
      navigator: nav({ doNotTrack: '1', globalPrivacyControl: true }),
      dnt: false,
    });
    expect(consent.get()).toEqual({ errors: true, performance: true, analytics: true, replay: true });
  });

  it('does not treat doNotTrack "0" or "unspecified" as an opt-out', () => {
    expect(browserOptsOut(nav({ doNotTrack: '0' }))).toBe(false);
    expect(browserOptsOut(nav({ doNotTrack: 'unspecified', globalPrivacyControl: false }))).toBe(false);
    expect(browserOptsOut(undefined)).toBe(false);
  });

  it('notifies listeners with effective before/after only when something changed', () => {
    const consent = make(undefined);
    const listener = vi.fn();
    const off = consent.onChange(listener);
    consent.set({ errors: true });
    expect(listener).not.toHaveBeenCalled();
    consent.set({ replay: false });
    expect(listener).toHaveBeenCalledWith(
      expect.objectContaining({ replay: false }),
      expect.objectContaining({ replay: true }),
    );
    off();
    consent.set({ replay: true });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('never enables replay when it is not configured', () => {
    const consent = make({ replay: true }, { replay: false });
    expect(consent.allows('replay')).toBe(false);
  });
});
