/**
 * Calls `onNavigate` after client-side navigations: wraps `history.pushState`/`replaceState` and listens
 * for `popstate`. Returns the function that restores the originals (only if they are still ours, so a
 * library that wrapped on top keeps its wrapper; ours then becomes a pass-through).
 */
export function patchHistory(w: Window, onNavigate: () => void): () => void {
  const history = w.history;
  const originalPush = history.pushState;
  const originalReplace = history.replaceState;
  let active = true;
  const notify = (): void => {
    if (!active) return;
    try {
      onNavigate();
    } catch {
      // The navigation already happened; telemetry must not turn it into an exception.
    }
  };
  const wrap = (original: History['pushState']): History['pushState'] =>
    function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      notify();
      return result;
    };
  const push = wrap(originalPush);
  const replace = wrap(originalReplace);
  history.pushState = push;
  history.replaceState = replace;
  w.addEventListener('popstate', notify);
  return () => {
    active = false;
    if (history.pushState === push) history.pushState = originalPush;
    if (history.replaceState === replace) history.replaceState = originalReplace;
    w.removeEventListener('popstate', notify);
  };
}
