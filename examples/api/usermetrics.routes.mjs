// The routes module `usermetrics-dev --handlers` loads: each key is an API Gateway route ("METHOD /path"), each
// value the Lambda handler behind it, or { handler, timeoutMs, functionName } when the function's timeout or
// name matter (here: /api/slow has a 3 s timeout so its timeout warning fires). Built handlers from dist/, as
// they would be deployed. `npm run demo` runs it; run it yourself with
//   npx usermetrics-dev --app examples/web/dist --handlers examples/api/usermetrics.routes.mjs
import { exampleRoutes } from './dist/index.js';

export default Object.fromEntries(
  exampleRoutes.map((r) => [
    `${r.method} ${r.path}`,
    { handler: r.handler, timeoutMs: r.timeoutMs, functionName: r.functionName },
  ]),
);
