import type { TraceMap } from '@jridgewell/trace-mapping';
import type { ErrorFrame } from '@usermetrics/core';
import { createByteLru } from './create-byte-lru';
import type { MapLoader } from './create-map-loader';
import { enclosingFunctionName } from './enclosing-function-name';
import { parseBrowserStack } from './parse-stack';
import type { SourceMapInput } from './types';

/** Options of {@link createSymbolicator}. */
export interface SymbolicatorOptions {
  load: MapLoader;
  /** Wall time one report may wait for maps. */
  budgetMs: number;
  /** Parsed maps kept across reports, by their size. */
  maxCacheBytes: number;
}

/** Told once per file (per container) that its map is missing, corrupt or failed to load. */
export type OnMapProblem = (message: string, context: Record<string, unknown>) => void;

/** The result of one report's symbolication. */
export interface Symbolication {
  frames: ErrorFrame[];
  /** Frames that got a `source`. */
  resolved: number;
  /** The budget ran out before every map was there; those frames stay raw. */
  timedOut: boolean;
}

/** Turns a minified browser stack into frames with original positions. */
export interface Symbolicator {
  /**
   * Never rejects. Frames whose map is not there within the budget are returned raw. A problem with a map
   * goes to `onProblem` of the report that first met it.
   */
  symbolicate(
    stack: string | undefined,
    release: string | undefined,
    onProblem?: OnMapProblem,
  ): Promise<Symbolication>;
}

// What a known "no map" costs in the cache: a key and a null.
const MISSING_BYTES = 256;
// App sources larger than this keep no text for naming functions (generated code, not worth the memory).
const MAX_SOURCE_CHARS = 256 * 1024;

/** A parsed map, and the lines of its app sources (not `node_modules`) by resolved source path. */
interface LoadedMap {
  trace: TraceMap;
  originalPositionFor: TraceMapping['originalPositionFor'];
  appSources: Map<string, string[]>;
  /** Resolved generated positions (`line:column`): the same error repeats, its frames with it. */
  memo: Map<string, Resolved | null>;
}

interface Resolved {
  source: NonNullable<ErrorFrame['source']>;
  token?: string;
  enclosing?: string;
}

type TraceMapping = typeof import('@jridgewell/trace-mapping');
let traceMapping: Promise<TraceMapping> | undefined;

/**
 * @jridgewell/trace-mapping, imported the first time a map is parsed: a handler without `sourceMaps` (or one
 * that never receives a report with a stack and a release) never loads it — cold start (#13 item 4).
 */
function loadTraceMapping(): Promise<TraceMapping> {
  if (traceMapping === undefined) traceMapping = import('@jridgewell/trace-mapping');
  return traceMapping;
}

// Positions remembered per map; forgotten all at once past this many.
const MAX_MEMO = 2000;

// Problems remembered so each file is reported once; forgotten all at once past this many.
const MAX_WARNED = 1000;

/**
 * Creates the symbolicator of one handler: maps are loaded once per (release, file), parsed without their
 * `sourcesContent`, kept in a byte-bounded LRU, and shared by concurrent reports. A load still running when
 * a report's budget ends goes on in the background and serves the next report.
 */
export function createSymbolicator(options: SymbolicatorOptions): Symbolicator {
  const cache = createByteLru<LoadedMap | null>(options.maxCacheBytes);
  const pending = new Map<string, Promise<void>>();
  const warned = new Set<string>();

  const warnOnce = (onProblem: OnMapProblem | undefined, key: string, message: string, context: object) => {
    if (warned.has(key)) return;
    if (warned.size >= MAX_WARNED) warned.clear();
    warned.add(key);
    try {
      onProblem?.(message, { ...context });
    } catch {
      // A failing logger must not fail symbolication.
    }
  };

  const loadInto = async (key: string, release: string, file: string, onProblem?: OnMapProblem) => {
    let input: SourceMapInput | undefined;
    try {
      input = await options.load(release, file);
    } catch (error) {
      // Not cached: a network failure may be gone on the next report.
      warnOnce(onProblem, key, 'Source map could not be loaded', { release, file, reason: reasonOf(error) });
      return;
    }
    if (input === undefined || input === null) {
      cache.set(key, null, MISSING_BYTES);
      warnOnce(onProblem, key, 'No source map for this file', { release, file });
      return;
    }
    try {
      const { map, bytes } = parseMap(input, await loadTraceMapping());
      cache.set(key, map, bytes);
    } catch (error) {
      cache.set(key, null, MISSING_BYTES);
      warnOnce(onProblem, key, 'Source map is corrupt', { release, file, reason: reasonOf(error) });
    }
  };

  const ensure = (release: string, file: string, onProblem?: OnMapProblem): Promise<void> | undefined => {
    const key = `${release}\n${file}`;
    if (cache.get(key) !== undefined) return undefined;
    let loading = pending.get(key);
    if (loading === undefined) {
      loading = loadInto(key, release, file, onProblem).finally(() => pending.delete(key));
      pending.set(key, loading);
    }
    return loading;
  };

  return {
    async symbolicate(stack, release, onProblem) {
      const raw = parseBrowserStack(stack);
      const frames: ErrorFrame[] = raw.map((f) => ({ ...f }));
      if (release === undefined || release === '' || raw.length === 0) {
        return { frames, resolved: 0, timedOut: false };
      }
      const files = new Set(raw.flatMap((f) => (f.url === undefined ? [] : [f.url])));
      const loads = [...files].flatMap((file) => ensure(release, file, onProblem) ?? []);
      const timedOut = loads.length > 0 && !(await settleWithin(loads, options.budgetMs));
      const names = frames.map((f) => resolveInto(f, cache.get(`${release}\n${f.url}`)));
      // A frame's own position is inside its function. Its original name: for the app's own code, the
      // nearest declaration above it in the source; otherwise the token at the caller's call site, one
      // frame down (right whenever the caller calls it by name, as library code mostly does).
      let resolved = 0;
      frames.forEach((frame, i) => {
        if (frame.source === undefined) return;
        resolved++;
        const name = names[i]?.enclosing ?? names[i + 1]?.token;
        if (name) frame.source.name = name;
      });
      return { frames, resolved, timedOut };
    },
  };
}

/**
 * Writes `source` into the frame; returns the original name of the token at its position and, for app
 * sources, the function the position is in.
 */
function resolveInto(
  frame: ErrorFrame,
  map: LoadedMap | null | undefined,
): { token?: string; enclosing?: string } | undefined {
  if (!map || frame.line === undefined || frame.column === undefined) return undefined;
  const key = `${frame.line}:${frame.column}`;
  let resolved = map.memo.get(key);
  if (resolved === undefined) {
    resolved = resolvePosition(map, frame.line, frame.column);
    if (map.memo.size >= MAX_MEMO) map.memo.clear();
    map.memo.set(key, resolved);
  }
  if (resolved === null) return undefined;
  frame.source = { ...resolved.source };
  return resolved;
}

function resolvePosition(map: LoadedMap, line: number, column: number): Resolved | null {
  try {
    const pos = map.originalPositionFor(map.trace, { line, column: column - 1 });
    if (pos.source === null || pos.line === null || pos.column === null) return null;
    const lines = map.appSources.get(pos.source);
    const resolved: Resolved = {
      source: { file: cleanSource(pos.source), line: pos.line, column: pos.column + 1 },
    };
    if (pos.name) resolved.token = pos.name;
    const enclosing = lines ? enclosingFunctionName(lines, pos.line, pos.column + 1) : undefined;
    if (enclosing) resolved.enclosing = enclosing;
    return resolved;
  } catch {
    return null;
  }
}

async function settleWithin(loads: Promise<void>[], budgetMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), budgetMs);
    // A load left running must not keep the process (or a test run) alive.
    timer.unref?.();
  });
  try {
    return await Promise.race([Promise.all(loads).then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function parseMap(input: SourceMapInput, lib: TraceMapping): { map: LoadedMap; bytes: number } {
  const json = typeof input === 'string' ? (JSON.parse(input) as Record<string, unknown>) : { ...input };
  if (json.version !== 3 || typeof json.mappings !== 'string' || !Array.isArray(json.sources)) {
    throw new Error('not a version 3 source map');
  }
  const contents = Array.isArray(json.sourcesContent) ? (json.sourcesContent as unknown[]) : [];
  // Library sources are most of a map's text and only app sources are read (for function names).
  delete json.sourcesContent;
  const trace = new lib.TraceMap(json as unknown as ConstructorParameters<typeof TraceMap>[0]);
  const appSources = new Map<string, string[]>();
  let sourceChars = 0;
  trace.resolvedSources.forEach((source, i) => {
    const text = contents[i];
    if (typeof text !== 'string' || text.length > MAX_SOURCE_CHARS || source.includes('node_modules/'))
      return;
    appSources.set(source, text.split('\n'));
    sourceChars += text.length;
  });
  const bytes =
    (json.mappings as string).length +
    JSON.stringify(json.sources).length +
    JSON.stringify(json.names ?? []).length;
  // Decoded mappings take several times their text; count them so the byte budget means memory.
  // The memo adds at most MAX_MEMO small entries; counted as ~200 bytes each.
  return {
    map: { trace, originalPositionFor: lib.originalPositionFor, appSources, memo: new Map() },
    bytes: bytes * 4 + sourceChars * 2 + MAX_MEMO * 200,
  };
}

// `../../src/App.tsx`, `webpack:///./src/App.tsx` → `src/App.tsx`.
function cleanSource(source: string): string {
  return source.replace(/^[a-z][\w+.-]*:\/\/\/?/i, '').replace(/^(?:\.{1,2}\/)+/, '');
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
