/**
 * @usermetrics/example-api — example Lambda handlers instrumented with usermetrics, and the route table
 * `usermetrics-dev` mounts them on.
 * @packageDocumentation
 */
export { boom, InventoryUnavailableError } from './handlers/boom';
export { checkout, middyHello } from './handlers/checkout';
export { hello } from './handlers/hello';
export { SLOW_TIMEOUT_MS, slow } from './handlers/slow';
export type { ExampleRoute } from './routes';
export { exampleRoutes } from './routes';
