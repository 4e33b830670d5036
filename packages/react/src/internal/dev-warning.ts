// Development-only warnings. Callers guard each call inline with
//   if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') warnOnce(…)
// and never through a helper: bundlers (Vite, webpack, esbuild, Next.js) replace `process.env.NODE_ENV` at
// build time and can then drop the call and its message from production bundles, which a helper's return value
// would not allow. Where nothing replaced it and `process` does not exist (a plain browser ESM import), the
// `typeof` test makes the guard false, so users never see dev noise and nothing throws.

const warned = /* @__PURE__ */ new Set<string>();

/** The one warning for hooks and boundaries rendered without a provider above them. */
export const NO_PROVIDER = 'No <TrackingProvider> above: nothing is tracked.';

/** Logs `message` once per page lifetime. Call it only behind the inline development guard above. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[@usermetrics/react] ${message}`);
}

/** Hands an error thrown by the app's own callback back to the host unchanged, without breaking our caller. */
export function rethrowAsync(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}
