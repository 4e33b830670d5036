/**
 * A string the caller has already put through core's `redactString` with default options, or a JSON-safe
 * value already put through core's redaction (`context.extra` after core's `boundExtra`, which bounds and
 * redacts it). The package's own logger writes it as it is instead of redacting it a second time (the
 * ingestion handlers redact every free-text field once; a hostile 40 KB report paid for that twice, #18).
 * Internal: never part of the public API, and unwrapped before a value reaches a logger of the user's own.
 */
export class Redacted {
  constructor(readonly text: unknown) {}
}

/** A shallow copy of `record` with every {@link Redacted} replaced by its text, for foreign loggers. */
export function unwrapRedacted(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = v instanceof Redacted ? v.text : v;
  return out;
}
