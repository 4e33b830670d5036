import { useState } from 'react';

interface Call {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

const CALLS: Call[] = [
  { label: 'Call the API', method: 'GET', path: '/api/hello' },
  { label: 'Slow call (2.8 s → timeout warning)', method: 'GET', path: '/api/slow?sleepMs=2800' },
  { label: 'Failing call (handler throws)', method: 'GET', path: '/api/boom' },
  { label: 'Middy handler', method: 'GET', path: '/api/middy/hello' },
];

/**
 * Calls to the example Lambda API. They go to the page's own origin, which is in `propagateToOrigins`, so
 * the tracker adds `X-Session-Id` and the handlers' log lines carry the same session as the front end.
 */
export function ApiPanel() {
  const [result, setResult] = useState<string>('');
  const call = async ({ method, path, body }: Call) => {
    setResult(`${method} ${path} …`);
    try {
      const response = await fetch(`${window.location.origin}${path}`, {
        method,
        ...(body !== undefined
          ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
          : {}),
      });
      setResult(`${method} ${path} → ${response.status}\n${await response.text()}`);
    } catch (error) {
      setResult(`${method} ${path} failed: ${String(error)}`);
    }
  };
  return (
    <section className="panel">
      <h3>Example API (Lambda handlers behind the local API Gateway)</h3>
      {CALLS.map((c) => (
        <button type="button" key={c.path} onClick={() => void call(c)}>
          {c.label}
        </button>
      ))}
      {result && <pre data-testid="api-result">{result}</pre>}
    </section>
  );
}
