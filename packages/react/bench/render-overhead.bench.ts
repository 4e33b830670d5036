// @vitest-environment node
// What wrapping an app in the usermetrics components costs per server render. Every case renders 200 list
// items: (1) plain components; (2) the least any hand-written equivalent costs: a context provider, a minimal
// class error boundary per item and a useContext() per item; (3) <TrackingProvider>, one <ErrorBoundary> per
// item and useTracking() + usePageViews() in each item. Read the ratios within one run (the summary prints
// them), never absolute numbers across machines. Run with NODE_ENV=production (the `bench` script does) so
// React's production build is measured. Effects do not run on the server: this is the render-time cost only.
import { createNoopTracker } from '@usermetrics/browser';
import {
  Component,
  createContext,
  createElement as h,
  type ReactElement,
  type ReactNode,
  useContext,
} from 'react';
import { renderToString } from 'react-dom/server';
import { bench, describe } from 'vitest';
import { ErrorBoundary, TrackingProvider, usePageViews, useTracking } from '../src/index';

const ITEMS = Array.from({ length: 200 }, (_, i) => i);
const tracker = createNoopTracker();

function PlainItem(props: { i: number }): ReactElement {
  return h('li', null, `item ${props.i}`);
}

function TrackedItem(props: { i: number }): ReactElement {
  const { sessionId } = useTracking();
  usePageViews({ pathname: `/items/${props.i}`, route: '/items/:id' });
  return h('li', { 'data-session': sessionId }, `item ${props.i}`);
}

const HandContext = createContext(tracker);
class HandBoundary extends Component<{ children?: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
function HandItem(props: { i: number }): ReactElement {
  const t = useContext(HandContext);
  return h('li', { 'data-session': t.getSessionId() }, `item ${props.i}`);
}

const handTree = () =>
  h(
    HandContext.Provider,
    { value: tracker },
    h('ul', null, ...ITEMS.map((i) => h(HandBoundary, { key: i }, h(HandItem, { i })))),
  );
const plainTree = () => h('ul', null, ...ITEMS.map((i) => h(PlainItem, { key: i, i })));
const trackedTree = () =>
  h(
    TrackingProvider,
    { tracker },
    h('ul', null, ...ITEMS.map((i) => h(ErrorBoundary, { key: i, fallback: null }, h(TrackedItem, { i })))),
  );

describe('renderToString, 200 items', () => {
  bench('baseline: plain components', () => {
    renderToString(plainTree());
  });
  bench('baseline: hand-written provider, class boundary and useContext per item', () => {
    renderToString(handTree());
  });
  bench('usermetrics: provider + ErrorBoundary, useTracking and usePageViews per item', () => {
    renderToString(trackedTree());
  });
});
