import type { EmfInput } from './types';

/** Per-call values of the wrapper's built-in metrics (DESIGN §3). */
export interface InvocationValues {
  /** Milliseconds since the epoch. */
  timestamp: number;
  coldStart: boolean;
  /** Process start to first invocation; written on cold starts only. */
  initDurationMs?: number;
  durationMs: number;
  /** Bounded errorType when the handler failed, else undefined. */
  errorType?: string;
  /** Route pattern (already bounded) when known. */
  route?: string;
  requestId?: string;
  sessionId?: string;
}

/** Static identity of a wrapped function: fixed for the life of the process. */
export interface InvocationIdentity {
  namespace: string;
  functionName: string;
  environment: string;
}

/**
 * Renders the wrapper's own metrics of one invocation as EMF lines. Built once per cold start.
 * @internal
 */
export interface InvocationDocument {
  /** The newline-terminated EMF lines of one invocation, ready for a single write. */
  render(values: InvocationValues): string;
  /** The same emission described as {@link EmfInput}s (what `serializeEmf` or aws-embedded-metrics would get). */
  inputs(values: InvocationValues): EmfInput[];
}

const FN_ENV = ['functionName', 'environment'];
const MAX_CACHED_ROUTES = 256;

/**
 * Precompiles the per-invocation EMF documents: every byte that does not change between calls (namespace,
 * directives, dimension members) is encoded once, so a call only concatenates numbers and a few cached
 * strings. Three documents at most: the [functionName, environment] metrics, Duration by route when a route
 * is known, and Errors by errorType on failure. A conformance test proves the output equals what
 * aws-embedded-metrics writes for {@link InvocationDocument.inputs}.
 * @internal
 */
export function createInvocationDocument(identity: InvocationIdentity): InvocationDocument {
  const ns = JSON.stringify(identity.namespace);
  const dims =
    ',"functionName":' +
    JSON.stringify(identity.functionName) +
    ',"environment":' +
    JSON.stringify(identity.environment);
  const directive = (sets: string, metrics: string[]) =>
    ',"CloudWatchMetrics":[{"Namespace":' +
    ns +
    ',"Dimensions":' +
    sets +
    ',"Metrics":[' +
    metrics.join(',') +
    ']}]}';
  const count = (name: string) => '{"Name":"' + name + '","Unit":"Count"}';
  const ms = (name: string) => '{"Name":"' + name + '","Unit":"Milliseconds"}';
  const base = [count('Invocations'), count('Errors'), count('ColdStart'), ms('Duration')];
  const warmMid = directive('[["functionName","environment"]]', base) + dims + ',"Invocations":1,"Errors":';
  const coldMid =
    directive('[["functionName","environment"]]', [...base, ms('InitDuration')]) +
    dims +
    ',"Invocations":1,"Errors":';
  const routeMid =
    directive('[["functionName","environment","route"]]', [ms('Duration')]) + dims + ',"route":';
  const errorMid =
    directive('[["functionName","environment","errorType"]]', [count('Errors')]) + dims + ',"errorType":';
  const encoded = new Map<string, string>();
  const encode = (s: string): string => {
    let e = encoded.get(s);
    if (e === undefined) {
      e = JSON.stringify(s);
      if (encoded.size < MAX_CACHED_ROUTES) encoded.set(s, e);
    }
    return e;
  };

  function render(v: InvocationValues): string {
    const head = '{"_aws":{"Timestamp":' + v.timestamp;
    let props = '';
    if (v.requestId !== undefined) props += ',"requestId":' + JSON.stringify(v.requestId);
    if (v.sessionId !== undefined) props += ',"sessionId":' + JSON.stringify(v.sessionId);
    const cold = v.coldStart && v.initDurationMs !== undefined;
    let out =
      head +
      (cold ? coldMid : warmMid) +
      (v.errorType === undefined ? '0' : '1') +
      (v.coldStart ? ',"ColdStart":1' : ',"ColdStart":0') +
      ',"Duration":' +
      v.durationMs +
      (cold ? ',"InitDuration":' + v.initDurationMs : '') +
      props +
      '}\n';
    if (v.route !== undefined)
      out += head + routeMid + encode(v.route) + props + ',"Duration":' + v.durationMs + '}\n';
    if (v.errorType !== undefined) out += head + errorMid + encode(v.errorType) + props + ',"Errors":1}\n';
    return out;
  }

  function inputs(v: InvocationValues): EmfInput[] {
    const { namespace, functionName, environment } = identity;
    const properties: Record<string, unknown> = {};
    if (v.requestId !== undefined) properties.requestId = v.requestId;
    if (v.sessionId !== undefined) properties.sessionId = v.sessionId;
    const common = { namespace, timestamp: v.timestamp, properties };
    const main: EmfInput = {
      ...common,
      dimensionSets: [FN_ENV],
      dimensions: { functionName, environment },
      metrics: [
        { name: 'Invocations', unit: 'Count', value: 1 },
        { name: 'Errors', unit: 'Count', value: v.errorType === undefined ? 0 : 1 },
        { name: 'ColdStart', unit: 'Count', value: v.coldStart ? 1 : 0 },
        { name: 'Duration', unit: 'Milliseconds', value: v.durationMs },
      ],
    };
    if (v.coldStart && v.initDurationMs !== undefined) {
      main.metrics.push({ name: 'InitDuration', unit: 'Milliseconds', value: v.initDurationMs });
    }
    const out = [main];
    if (v.route !== undefined) {
      out.push({
        ...common,
        dimensionSets: [[...FN_ENV, 'route']],
        dimensions: { functionName, environment, route: v.route },
        metrics: [{ name: 'Duration', unit: 'Milliseconds', value: v.durationMs }],
      });
    }
    if (v.errorType !== undefined) {
      out.push({
        ...common,
        dimensionSets: [[...FN_ENV, 'errorType']],
        dimensions: { functionName, environment, errorType: v.errorType },
        metrics: [{ name: 'Errors', unit: 'Count', value: 1 }],
      });
    }
    return out;
  }

  return { render, inputs };
}
