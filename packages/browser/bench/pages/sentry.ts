import {
  browserApiErrorsIntegration,
  dedupeIntegration,
  eventFiltersIntegration,
  functionToStringIntegration,
  globalHandlersIntegration,
  httpContextIntegration,
  init,
  linkedErrorsIntegration,
} from '@sentry/browser';

// Anchor: Sentry for errors only. The integrations an error report needs (global handlers, wrapped browser
// APIs, linked errors, dedupe, request context, filters, function names) and nothing else: no tracing, no
// replay, no breadcrumbs, no session tracking (browserSession is release health, not errors). The DSN points
// at the bench's static server (the page's own origin), which answers every POST: nothing leaves the machine.
init({
  dsn: `${location.protocol}//bench@${location.host}/1`,
  defaultIntegrations: false,
  integrations: [
    eventFiltersIntegration(),
    functionToStringIntegration(),
    browserApiErrorsIntegration(),
    globalHandlersIntegration(),
    linkedErrorsIntegration(),
    dedupeIntegration(),
    httpContextIntegration(),
  ],
});
