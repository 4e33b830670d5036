import { parseStack as parseWithEsp } from 'error-stack-parser-es/lite';

/** One frame of a browser stack, as sent. Lines and columns are 1-based, as all browsers print them. */
export interface RawFrame {
  url?: string;
  line?: number;
  column?: number;
  function?: string;
}

/** Frames beyond this are not parsed: the top of the stack is what a reader and the grouping need. */
export const MAX_FRAMES = 50;
// A longer line is not a frame any browser prints; skipping it keeps the parser's regexes cheap on hostile input.
const MAX_LINE = 2048;

/**
 * Parses a Chrome/Edge (V8), Firefox or Safari stack with error-stack-parser (the stacktrace.js parser,
 * which tells the formats apart by their shape). Never throws: an unparseable stack gives no frames.
 * @example parseBrowserStack('TypeError: x\n    at f (https://app/a.js:1:2)') // [{ url, line: 1, column: 2, function: 'f' }]
 */
export function parseBrowserStack(stack: string | undefined): RawFrame[] {
  if (!stack) return [];
  try {
    const lines = stack.split('\n', MAX_FRAMES * 2 + 2).filter((line) => line.length <= MAX_LINE);
    const frames: RawFrame[] = [];
    for (const parsed of parseWithEsp(lines.join('\n'))) {
      if (parsed.file === undefined && parsed.function === undefined) continue;
      const frame: RawFrame = {};
      if (parsed.file !== undefined) frame.url = parsed.file;
      if (parsed.line !== undefined) frame.line = parsed.line;
      if (parsed.col !== undefined) frame.column = parsed.col;
      if (parsed.function !== undefined && parsed.function !== '') frame.function = parsed.function;
      frames.push(frame);
      if (frames.length >= MAX_FRAMES) break;
    }
    return frames;
  } catch {
    return [];
  }
}
