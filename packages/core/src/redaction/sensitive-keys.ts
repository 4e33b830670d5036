/*
 * Key names are compared after lower-casing and removing `-`, `_` and spaces, so `API_KEY`, `x-api-key`
 * and `apiKey` are one rule. Short words (`auth`, `pin`, `pass`) only match whole keys because as
 * substrings they hit `author`, `spinner`, `compass`; `ssn`/`otp` only at an edge because `className`
 * contains `ssn`.
 */
const SENSITIVE_KEY =
  /^(?:auth|pin|pincode|pass)$|^ssn|ssn$|^otp|otp$|pass(?:word|wd|phrase)|pwd|secret|token|authorization|cookie|apikey|accesskey|privatekey|creditcard|cardnum|ccnum|cvv|cvc|credential|signature|jwt/;

/*
 * A sensitive word followed by one of these describes the secret without holding it (`tokenCount`,
 * `tokenType: 'Bearer'`, `passwordLength`), so the value is kept. It still goes through pattern
 * redaction, so a real token stored under such a key is caught anyway.
 */
const METADATA_SUFFIX = /(?:count|length|type|limit|usage|ttl|expiry|expiresat|expiresin)$/;

/*
 * Query parameters that carry secrets or identity in URLs without looking like credentials by name:
 * OAuth `code`/`state`, signed-URL `sig`/`X-Amz-Signature`/`X-Amz-Credential`, `jsessionid`, SAML posts.
 */
const SENSITIVE_PARAM = /^(?:code|state|key|sig|sid|ticket|phone|mail)$|email|session|sessid|jwt|saml/;

/** Lower-cases and strips `-`, `_` and spaces: the form every key rule is written against. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_ ]/g, '');
}

/** Normalises a user-supplied key list once, so hot loops compare with a Set lookup. */
export function toKeySet(keys: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (!keys || keys.length === 0) return undefined;
  const set = new Set<string>();
  for (const k of keys) if (typeof k === 'string') set.add(normalizeKey(k));
  return set;
}

/** {@link isSensitiveKey} for an already normalised key and extra set (the form {@link redact} uses). */
export function isSensitiveNormalized(key: string, extra?: ReadonlySet<string>): boolean {
  if (extra?.has(key)) return true;
  return SENSITIVE_KEY.test(key) && !METADATA_SUFFIX.test(key);
}

// Object keys and field names repeat endlessly, so the built-in verdict per raw key is remembered; the
// bound keeps hostile input (random keys) from growing it.
const verdicts = new Map<string, boolean>();

/** {@link isSensitiveKey} for the hot loops: memoised built-in rules, extra keys as a normalised set. */
export function isSensitiveName(key: string, extra?: ReadonlySet<string>): boolean {
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = isSensitiveNormalized(normalizeKey(key));
    if (verdicts.size >= 1000) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict || extra?.has(normalizeKey(key)) === true;
}

/** {@link isSensitiveParam} for an already normalised name and extra set. */
export function isSensitiveParamNormalized(name: string, extra?: ReadonlySet<string>): boolean {
  return isSensitiveNormalized(name, extra) || SENSITIVE_PARAM.test(name);
}

/**
 * Whether the value stored under `key` must be redacted whatever it looks like.
 *
 * Case-insensitive; `-`, `_` and spaces are ignored. Matches keys containing `password`, `passwd`,
 * `pwd`, `secret`, `token`, `authorization`, `cookie`, `apikey`, `accesskey`, `privatekey`, `creditcard`,
 * `cardnum`, `cvv`, `cvc`, `credential`, `signature` or `jwt`; keys that are exactly `auth`, `pin`,
 * `pincode` or `pass`; keys starting or ending with `ssn` or `otp`; and any `extra` key (exact match after
 * the same normalisation). Not sensitive: `sessionId` (the usermetrics correlation id is sent on purpose)
 * and metadata about a secret such as `tokenCount`, `tokenType` or `passwordLength`.
 * @example isSensitiveKey('X-Api-Key') // true
 * @example isSensitiveKey('sessionId') // false
 */
export function isSensitiveKey(key: string, extra?: readonly string[]): boolean {
  if (typeof key !== 'string') return false;
  return isSensitiveNormalized(normalizeKey(key), toKeySet(extra));
}

/**
 * Whether a URL query parameter's value must be redacted: every {@link isSensitiveKey} name plus the
 * names that carry secrets in URLs (`code`, `state`, `key`, `sig`, `sid`, `ticket`, `phone`, `mail`, and
 * names containing `email`, `session`, `sessid`, `jwt`, `saml`, `signature`, `credential`).
 * @example isSensitiveParam('X-Amz-Signature') // true
 */
export function isSensitiveParam(name: string, extra?: readonly string[]): boolean {
  if (typeof name !== 'string') return false;
  return isSensitiveParamNormalized(normalizeKey(name), toKeySet(extra));
}
