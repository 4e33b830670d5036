import type { ReplaySanitizationRules } from '../types';

// OpenReplay's SanitizeLevel (checked in @openreplay/tracker 19 types: Plain 0, Obscured 1, Hidden 2).
const PLAIN = 0;
const OBSCURED = 1;
const HIDDEN = 2;

/** The rules file versions this package understands. */
const SUPPORTED_VERSIONS = [1];

/** A DOM sanitizer as OpenReplay calls it: the level for one element. */
export type DomSanitizer = (node: Element) => number;

/**
 * Why `rules` cannot be applied, or undefined when they can. A rule set that is only half understood must not
 * be half applied (a selector meant to mask a field would silently do nothing), so the caller keeps replay off.
 * `check` parses a selector and throws on a bad one (`DocumentFragment.querySelector` does).
 */
export function rulesProblem(rules: unknown, check: (selector: string) => void): string | undefined {
  const r = (rules ?? {}) as Partial<Record<keyof ReplaySanitizationRules, unknown>>;
  if (!SUPPORTED_VERSIONS.includes(r.version as number))
    return `sanitization.version ${r.version} unsupported`;
  for (const key of ['mask', 'ignore'] as const) {
    const list = r[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return `sanitization.${key} not an array`;
    for (const selector of list) {
      try {
        if (typeof selector !== 'string' || selector.trim() === '') throw new Error('empty');
        check(selector);
      } catch {
        return `sanitization.${key}: bad selector ${JSON.stringify(selector)}`;
      }
    }
  }
  return undefined;
}

/**
 * OpenReplay's `domSanitizer` for valid `rules`: elements matching an `ignore` selector are left out of the
 * recording (Hidden), those matching a `mask` selector have their text obscured (Obscured); descendants
 * inherit both (OpenReplay passes the parent's level down). A sanitizer the app passed itself is asked too
 * and the stricter answer wins, so nothing — neither the rules nor the app's own function — can lower the
 * level below the defaults; inputs stay obscured whatever the rules say (`defaultInputMode` is forced).
 */
export function createDomSanitizer(
  rules: ReplaySanitizationRules | undefined,
  user?: DomSanitizer,
): DomSanitizer {
  const mask = (rules?.mask ?? []).join(',');
  const ignore = (rules?.ignore ?? []).join(',');
  return (node) => {
    let level = PLAIN;
    if (ignore && node.matches(ignore)) level = HIDDEN;
    else if (mask && node.matches(mask)) level = OBSCURED;
    if (user) {
      try {
        const theirs = user(node);
        if (theirs === OBSCURED || theirs === HIDDEN) level = Math.max(level, theirs);
      } catch {
        // A throwing app sanitizer must not unmask anything nor stop the recording.
      }
    }
    return level;
  };
}
