/**
 * @usermetrics/dev — `usermetrics dev`, the local stand-in for API Gateway + Lambda, CloudWatch,
 * Umami and OpenReplay that the demo runs on.
 * @packageDocumentation
 */

export type { DevArgs } from './cli/parse-args';
export { parseArgs, USAGE, UsageError } from './cli/parse-args';
export { DASHBOARD_PATH } from './dashboard/dashboard-routes';
export type { Summary } from './dashboard/summarize';
export { percentile, summarize } from './dashboard/summarize';
export { createLambdaContext } from './lambda/create-context';
export { invokeHandler } from './lambda/invoke-handler';
export { createStdoutCapture } from './lambda/stdout-capture';
export { isTextContentType, toApiGatewayEvent } from './lambda/to-api-gateway-event';
export { toHttpResponse } from './lambda/to-http-response';
export type { ApiGatewayV2Event, LambdaContext, LambdaHandler } from './lambda/types';
export { BatchDecodeError, decodeBatch } from './openreplay/decode-batch';
export type { Collector, CollectorOptions } from './server/create-collector';
export { DEMO_ROUTES, PortInUseError, startCollector } from './server/create-collector';
export type { Store } from './store/create-store';
export { createStore } from './store/create-store';
export { parseOutputLine } from './telemetry/parse-output-line';
export { validateUmamiPayload } from './umami/validate-umami-payload';
