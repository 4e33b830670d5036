// Bundlers replace `process.env.NODE_ENV` at build time; where nothing replaced it and `process` does not exist
// (a plain browser ESM import), reading it throws, which we take as "production" so users never see dev noise.
declare const process: { env: { NODE_ENV?: string } };

/** True unless the app is built for production. Never throws. */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

const warned = new Set<string>();

/** The one warning for hooks and boundaries rendered without a provider above them. */
export const NO_PROVIDER = 'No <TrackingProvider> above: nothing is tracked.';

/** Logs `message` once per page lifetime, and only in development. */
export function warnOnce(message: string): void {
  if (warned.has(message) || !isDevelopment()) return;
  warned.add(message);
  console.warn(`[@usermetrics/react] ${message}`);
}

/** Hands an error thrown by the app's own callback back to the host unchanged, without breaking our caller. */
export function rethrowAsync(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}
