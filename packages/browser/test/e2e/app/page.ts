/**
 * Behaviour shared by the e2e pages: a late layout shift, a slow click (INP), a button that throws, one that
 * leaves a rejected promise unhandled, and a client-side navigation (pushState) to `/second`.
 */
function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

export interface PageHooks {
  onLoad?: (loadAt: number) => void;
  onRouteChange?: () => void;
}

export function wirePage(hooks: PageHooks = {}): void {
  addEventListener('load', () => {
    hooks.onLoad?.(performance.timeOrigin + performance.now());
    // A late banner pushes the content down without user input: a real layout shift for CLS.
    setTimeout(() => byId('banner').classList.add('open'), 300);
  });

  byId('work').addEventListener('click', () => {
    // Busy long enough for web-vitals to report the interaction as INP (it ignores events under 40 ms).
    const until = performance.now() + 80;
    while (performance.now() < until) {
      /* busy */
    }
    byId('work').textContent = 'Work done';
  });

  byId('throw').addEventListener('click', () => {
    throw new TypeError('e2e uncaught error');
  });

  byId('reject').addEventListener('click', () => {
    void Promise.reject(new RangeError('e2e unhandled rejection'));
  });

  byId('go-second').addEventListener('click', () => {
    document.title = 'usermetrics e2e — second';
    history.pushState({}, '', '/second');
    const route = byId('route');
    route.dataset.route = '/second';
    route.textContent = 'Second route';
    hooks.onRouteChange?.();
  });
}
