// The X-Ray trace id Lambda sets per invocation: `Root=1-5759e988-bd862e3fe1be46a994272793;Parent=…;Sampled=1`.
const ROOT = /(?:^|;)\s*Root=([0-9A-Za-z-]{1,64})(?:;|$)/;

let lastHeader: string | undefined;
let lastRoot: string | undefined;

/**
 * The `Root=` value of `_X_AMZN_TRACE_ID` (the X-Ray trace id), or `undefined` when Lambda set none. Lambda
 * updates the variable for every invocation, so it is read per invocation (and per line outside one); the
 * parse is cached on the raw value, so an unchanged header costs one comparison.
 * @example readTraceId({ _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1' })
 * // '1-5759e988-bd862e3fe1be46a994272793'
 */
export function readTraceId(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const header = env._X_AMZN_TRACE_ID;
  if (header !== lastHeader) {
    lastHeader = header;
    lastRoot = typeof header === 'string' && header.length <= 512 ? ROOT.exec(header)?.[1] : undefined;
  }
  return lastRoot;
}
