/**
 * @usermetrics/dev — `usermetrics-dev`, the local collector to run next to your own app: the usermetrics
 * ingestion API (the production handlers of @usermetrics/node behind an API Gateway v2 adapter), Umami and
 * OpenReplay stand-ins, your own Lambda handlers, and a live dashboard, on one port. Most people use the CLI;
 * {@link startCollector} is the same thing for scripts and tests.
 * @packageDocumentation
 */

export { DASHBOARD_PATH } from './dashboard/dashboard-routes';
export type { ApiGatewayV2Event, LambdaContext, LambdaHandler } from './lambda/types';
export type { ApiRoute } from './routes/api-route';
export { loadRoutesModule, RoutesModuleError } from './routes/load-routes-module';
export type { Collector, CollectorOptions } from './server/create-collector';
export { PortInUseError, startCollector } from './server/create-collector';
