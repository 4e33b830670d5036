import type { InvocationOutcome } from '../lambda/invoke-handler';
import type {
  ErrorRecord,
  LogEntry,
  PageViewRecord,
  RejectedRecord,
  ReplayRecord,
  VitalRecord,
} from '../store/types';
import { emfSamples } from '../telemetry/parse-output-line';

/** One concise terminal line per event. */
export interface Printer {
  vital(record: VitalRecord): void;
  error(record: ErrorRecord): void;
  log(entry: LogEntry): void;
  emf(functionName: string, document: Record<string, unknown>): void;
  pageview(record: PageViewRecord): void;
  replay(record: ReplayRecord): void;
  rejected(record: RejectedRecord): void;
  invocation(
    functionName: string,
    method: string,
    path: string,
    status: number,
    outcome: InvocationOutcome,
  ): void;
  info(text: string): void;
}

/** Options of {@link createPrinter}. */
export interface PrinterOptions {
  /** Where lines go. @default process.stdout.write */
  write?: (line: string) => void;
  /** ANSI colours. @default process.stdout.isTTY */
  color?: boolean;
  /** Print nothing but `info` lines (load tests). @default false */
  quiet?: boolean;
}

const CODES = { dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 } as const;
type Colour = keyof typeof CODES;

/** A printer writing one line per event, coloured on a TTY. Never throws. */
export function createPrinter(options: PrinterOptions = {}): Printer {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const color = options.color ?? process.stdout.isTTY === true;
  // Checked first in every method: under load, building lines nobody sees was measurable.
  const quiet = options.quiet === true;
  const paint = (c: Colour, text: string) => (color ? `\u001b[${CODES[c]}m${text}\u001b[0m` : text);
  const line = (tag: string, c: Colour, text: string) => {
    try {
      const time = new Date().toISOString().slice(11, 19);
      write(`${paint('dim', time)} ${paint(c, tag.padEnd(8))} ${oneLine(text)}\n`);
    } catch {
      // The terminal went away; the collector keeps collecting.
    }
  };
  return {
    vital(r) {
      if (quiet) return;
      const value = r.name === 'CLS' ? r.value.toFixed(3) : `${Math.round(r.value)} ms`;
      const rc: Colour = r.rating === 'poor' ? 'red' : r.rating === 'needs-improvement' ? 'yellow' : 'green';
      line(
        'vital',
        'green',
        `${safe(r.name).padEnd(4)} ${value.padStart(9)} ${paint(rc, safe(r.rating))} ${safe(r.route)}`,
      );
    },
    error(r) {
      if (quiet) return;
      const replay = r.replayUrl ? ' replay ✓' : '';
      const dup = r.duplicate ? ' (duplicate)' : '';
      line(
        'error',
        'red',
        `${safe(r.type ?? 'Error')}: ${safe(r.message)}${dup} route ${safe(r.route ?? '?')} session ${short(r.sessionId)}${replay}`,
      );
    },
    log(e) {
      if (quiet) return;
      const c: Colour = e.level === 'ERROR' ? 'red' : e.level === 'WARN' ? 'yellow' : 'blue';
      line(
        'log',
        c,
        `${safe(e.level).padEnd(5)} ${e.functionName} ${safe(e.message)} ${paint('dim', `session ${short(e.sessionId)}`)}`,
      );
    },
    emf(functionName, document) {
      if (quiet) return;
      const samples = emfSamples(document);
      const parts = samples.map((s) => `${safe(s.name)}=${s.values.join(',')}`).join(' ');
      line('emf', 'magenta', `${functionName} ${safe(samples[0]?.namespace)} ${parts}`);
    },
    pageview(r) {
      if (quiet) return;
      line(
        r.kind === 'event' ? 'event' : 'pageview',
        'cyan',
        r.kind === 'event' ? `${safe(r.name)} ${safe(r.path)}` : safe(r.path),
      );
    },
    replay(r) {
      if (quiet) return;
      if (r.type === 'start')
        line('replay', 'blue', `session ${safe(r.sessionID)} started (user ${short(r.userID)})`);
      else
        line(
          'replay',
          'blue',
          `session ${safe(r.sessionID)} batch ${r.messages} msgs ${kb(r.size)}${r.compressed ? ' gzip' : ''}`,
        );
    },
    rejected(r) {
      if (quiet) return;
      line(
        'rejected',
        'yellow',
        `${r.status} ${safe(r.method)} ${safe(r.path)} ${safe(r.code)} ${safe(r.message)}`,
      );
    },
    invocation(functionName, method, path, status, outcome) {
      if (quiet) return;
      const c: Colour = status >= 500 ? 'red' : status >= 400 ? 'yellow' : 'green';
      const what = outcome.kind === 'result' ? '' : ` ${outcome.kind}`;
      line(
        'lambda',
        c,
        `${safe(method)} ${safe(path)} → ${status} ${functionName} ${outcome.durationMs.toFixed(1)} ms${what}`,
      );
    },
    info(text) {
      try {
        write(`${text}\n`);
      } catch {
        // ignore
      }
    },
  };
}

function short(id: string | undefined): string {
  if (id === undefined) return '-';
  const s = safe(id);
  return s.length > 13 ? `${s.slice(0, 8)}…${s.slice(-4)}` : s;
}

function kb(bytes: number | undefined): string {
  return `${((bytes ?? 0) / 1024).toFixed(1)} KB`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

function oneLine(text: string): string {
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/** Client-supplied text: control characters (ESC included) removed so it cannot move the cursor or fake lines. */
function safe(value: unknown): string {
  return String(value ?? '')
    .replace(CONTROL_CHARS, ' ')
    .slice(0, 300);
}
