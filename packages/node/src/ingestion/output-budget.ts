import type { LineSink } from '../io/stdout';

/**
 * What one request may make a handler write to stdout (#18 item 6): {@link OUTPUT_BASE_BYTES} plus
 * {@link OUTPUT_BYTES_PER_BODY_BYTE} per byte of its body. A benign request writes about 1–4× its body
 * (an EMF document per web vital, one ERROR line and one EMF document per error report), so the cap only ever
 * cuts hostile shapes; with the 100 KB body limit no request writes more than 402 KiB.
 */
export const OUTPUT_BASE_BYTES = 2048;
export const OUTPUT_BYTES_PER_BODY_BYTE = 4;

/** Counts the bytes written during one request and drops every line that would exceed its budget. */
export interface OutputBudget {
  /** Writes through while the budget allows; between requests, without limit. */
  readonly sink: LineSink;
  /** Starts a request's budget from its body size in bytes. */
  begin(bodyBytes: number): void;
  /** Ends the request's budget: how many lines and bytes were dropped. */
  end(): { lines: number; bytes: number };
}

/**
 * A per-container budget around `target` (`undefined`: the synchronous stdout, looked up per write so a
 * patched stdout is followed). One request runs at a time in a Lambda container and the handlers write
 * synchronously, so one counter per handler is enough.
 */
export function createOutputBudget(target: () => LineSink): OutputBudget {
  let left = Number.POSITIVE_INFINITY;
  let lines = 0;
  let bytes = 0;
  return {
    sink: {
      write(line) {
        const size = Buffer.byteLength(line, 'utf8');
        if (size > left) {
          lines++;
          bytes += size;
          return;
        }
        left -= size;
        target().write(line);
      },
    },
    begin(bodyBytes) {
      left = OUTPUT_BASE_BYTES + OUTPUT_BYTES_PER_BODY_BYTE * bodyBytes;
      lines = 0;
      bytes = 0;
    },
    end() {
      left = Number.POSITIVE_INFINITY;
      return { lines, bytes };
    },
  };
}
