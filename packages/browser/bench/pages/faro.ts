import { initializeFaro } from '@grafana/faro-web-sdk';

// Anchor: Grafana Faro as its README starts it, with its default instrumentations (getWebInstrumentations():
// performance, user actions, errors, web vitals, session, view, navigation, CSP violations, console). The
// collector URL is the bench's static server (the page's own origin), which answers every POST.
initializeFaro({
  url: `${location.origin}/collect`,
  app: { name: 'usermetrics-bench', version: '1.0.0' },
});
