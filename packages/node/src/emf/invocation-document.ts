import type { LineSink } from '../io/stdout';
import { type CompiledDocument, compileDocument, EncodedMembers, isAscii, isSimple } from './serialize-emf';
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
  /**
   * Renders and writes the lines in one write; through `out.writeAscii` when the sink has it and every
   * byte is 7-bit ASCII (the usual case), so the sink needs no byte count of its own.
   */
  write(values: InvocationValues, out: LineSink): void;
  /** The same emission described as {@link EmfInput}s (what `serializeEmf` or aws-embedded-metrics would get). */
  inputs(values: InvocationValues): EmfInput[];
}

const FN_ENV = ['functionName', 'environment'];
const MAX_CACHED_VALUES = 256;

/**
 * The wrapper's documents, compiled once per cold start by the package's one EMF engine
 * ({@link compileDocument}): every byte that does not change between calls (namespace, directives, dimension
 * members) is encoded once, so a call only appends numbers and the ids. Three documents at most: the
 * [functionName, environment] metrics, Duration by route when a route is known, and Errors by errorType on
 * failure. A conformance test proves the output equals what aws-embedded-metrics writes for
 * {@link InvocationDocument.inputs}.
 * @internal
 */
export function createInvocationDocument(identity: InvocationIdentity): InvocationDocument {
  const { namespace, functionName, environment } = identity;
  const fnEnv = { functionName, environment };
  const count = (name: string) => ({ name, unit: 'Count' });
  const ms = (name: string) => ({ name, unit: 'Milliseconds' });
  const constantAscii = isAscii(namespace) && isAscii(functionName) && isAscii(environment);
  const base = [count('Invocations'), count('Errors'), count('ColdStart'), ms('Duration')];
  const warm = compileDocument({ namespace, dimensionSets: [FN_ENV], dimensions: fnEnv, metrics: base });
  const cold = compileDocument({
    namespace,
    dimensionSets: [FN_ENV],
    dimensions: fnEnv,
    metrics: [...base, ms('InitDuration')],
  });
  // Routes and error types are bounded upstream; the caches are bounded again here.
  const byRoute = createDocumentCache((route) =>
    compileDocument({
      namespace,
      dimensionSets: [[...FN_ENV, 'route']],
      dimensions: { ...fnEnv, route },
      metrics: [ms('Duration')],
    }),
  );
  const byErrorType = createDocumentCache((errorType) =>
    compileDocument({
      namespace,
      dimensionSets: [[...FN_ENV, 'errorType']],
      dimensions: { ...fnEnv, errorType },
      metrics: [count('Errors')],
    }),
  );

  // Whether the ids of the last render are ASCII: found while encoding them, so nothing scans them twice.
  let idsAscii = true;
  function encodeId(id: string): string {
    if (isSimple(id)) return '"' + id + '"';
    if (idsAscii && !isAscii(id)) idsAscii = false;
    return JSON.stringify(id);
  }

  function render(v: InvocationValues): string {
    // Encoded once for every document of the invocation; neither key is a dimension or metric of the wrapper.
    let members = '';
    idsAscii = true;
    if (v.requestId !== undefined) members += ',"requestId":' + encodeId(v.requestId);
    if (v.sessionId !== undefined) members += ',"sessionId":' + encodeId(v.sessionId);
    const properties = new EncodedMembers(members);
    const failed = v.errorType === undefined ? 0 : 1;
    let out =
      v.coldStart && v.initDurationMs !== undefined
        ? cold.render(v.timestamp, [1, failed, 1, v.durationMs, v.initDurationMs], properties)
        : warm.render(v.timestamp, [1, failed, v.coldStart ? 1 : 0, v.durationMs], properties);
    if (v.route !== undefined) out += byRoute(v.route).doc.render(v.timestamp, [v.durationMs], properties);
    if (v.errorType !== undefined) out += byErrorType(v.errorType).doc.render(v.timestamp, [1], properties);
    return out;
  }

  function write(v: InvocationValues, out: LineSink): void {
    const text = render(v);
    if (
      out.writeAscii !== undefined &&
      constantAscii &&
      idsAscii &&
      (v.route === undefined || byRoute(v.route).ascii) &&
      (v.errorType === undefined || byErrorType(v.errorType).ascii)
    )
      out.writeAscii(text);
    else out.write(text);
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

  return { render, write, inputs };
}

/** A compiled document for one value of its varying dimension, and whether that value is ASCII. */
interface CachedDocument {
  doc: CompiledDocument;
  ascii: boolean;
}

/** A bounded map from one varying dimension value to its compiled document; past the bound, compiled per call. */
function createDocumentCache(
  compile: (value: string) => CompiledDocument,
): (value: string) => CachedDocument {
  const cache = new Map<string, CachedDocument>();
  return (value) => {
    let entry = cache.get(value);
    if (entry === undefined) {
      entry = { doc: compile(value), ascii: isAscii(value) };
      if (cache.size < MAX_CACHED_VALUES) cache.set(value, entry);
    }
    return entry;
  };
}
