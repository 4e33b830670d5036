// The one part of Node's `process` this package reads: bundlers replace `process.env.NODE_ENV` at build time.
// Declared here instead of depending on @types/node; code guards with `typeof process !== 'undefined'`.
declare var process: { env: { NODE_ENV?: string } };
