// Baseline: the same handler with no instrumentation at all.
export const handler = async () => ({ statusCode: 200, body: '{"ok":true}' });
