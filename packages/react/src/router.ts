/**
 * @usermetrics/react/router — react-router (v6.4+/v7) integration. A separate entry point so that apps
 * without react-router never load it: react-router is an optional peer dependency.
 * @packageDocumentation
 */
export type { RouterPageViewsOptions } from './router/use-router-page-views';
export { useRouterPageViews } from './router/use-router-page-views';
