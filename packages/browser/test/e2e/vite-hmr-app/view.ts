import { tracker } from './tracking';

/** Renders the visible text; the test edits VIEW_TEXT. */
export function renderView(): void {
  const el = document.getElementById('view');
  if (el) el.textContent = 'VIEW_TEXT';
  tracker.trackEvent('rendered');
}
