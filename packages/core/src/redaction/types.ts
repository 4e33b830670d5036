/** Options of {@link redact} and {@link redactString}. */
export interface RedactOptions {
  /**
   * Objects nested deeper than this become `'[MaxDepth]'`. Clamped to 0–100 so a hostile input cannot
   * exhaust the stack.
   * @default 8
   */
  maxDepth?: number;
  /**
   * Longer strings are cut (before any pattern runs, so huge strings stay cheap) and end with
   * `'…[truncated]'`.
   * @default 16384
   */
  maxStringLength?: number;
  /**
   * Entries copied per object, array, Map or Set; the rest is summarised as `'[+N more]'`.
   * @default 200
   */
  maxKeys?: number;
  /**
   * More key names whose values are always redacted. Compared exactly after the same normalisation as
   * the built-in list (case, `-`, `_` and spaces ignored), so `'ip'` does not catch `'zip'`.
   */
  extraSensitiveKeys?: readonly string[];
}

/** Options of {@link sanitizeUrl}. */
export interface SanitizeUrlOptions {
  /** More query parameter names whose values are redacted (exact match after normalisation). */
  sensitiveParams?: readonly string[];
  /**
   * The result never exceeds this many characters (Umami rejects URLs over 2000).
   * @default 2000
   */
  maxLength?: number;
}
