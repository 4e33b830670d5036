import { ErrorBoundary } from '@usermetrics/react';
import { useState } from 'react';
import { useLocation } from 'react-router';

function Bomb(): never {
  throw new TypeError('Demo render error: the "Throw" button was clicked');
}

function ThrowButton() {
  const [armed, setArmed] = useState(false);
  return (
    <>
      {armed && <Bomb />}
      <button type="button" className="danger" onClick={() => setArmed(true)}>
        Throw an error in render
      </button>
    </>
  );
}

/**
 * Buttons that fail on purpose: a render error caught by the usermetrics ErrorBoundary (reported with the
 * replay link; the fallback shows the server's errorId) and an unhandled promise rejection (caught by the
 * tracker's global handlers).
 */
export function DangerZone() {
  const { pathname } = useLocation();
  return (
    <section className="panel">
      <h3>Errors</h3>
      <ErrorBoundary
        resetKeys={[pathname]}
        fallback={({ error, resetError, errorId, replayUrl }) => (
          <div role="alert" className="banner">
            <strong>Something broke:</strong> {error instanceof Error ? error.message : String(error)}
            <br />
            errorId: <code data-testid="error-id">{errorId ?? 'pending…'}</code>
            {replayUrl && (
              <>
                {' '}
                · <a href={replayUrl}>replay</a>
              </>
            )}
            <br />
            <button type="button" onClick={resetError}>
              Try again
            </button>
          </div>
        )}
      >
        <ThrowButton />
      </ErrorBoundary>
      <button
        type="button"
        className="danger"
        onClick={() => {
          // Deliberately unhandled: the tracker's unhandledrejection listener reports it.
          void Promise.reject(new Error('Demo unhandled rejection: nobody awaited this promise'));
        }}
      >
        Reject a promise
      </button>
    </section>
  );
}
