import { useMemo, useState } from 'react';

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Blocking on purpose: this is what a slow component does to INP.
  }
}

/** A deliberately slow component: rendering blocks the main thread, so clicks here score a poor INP. */
export function SlowPage() {
  const [sortAscending, setSortAscending] = useState(true);
  const rows = useMemo(() => {
    busyWait(250);
    const list = Array.from({ length: 300 }, (_, i) => `Product ${String(i).padStart(3, '0')}`);
    return sortAscending ? list : list.reverse();
  }, [sortAscending]);
  return (
    <>
      <h1>Slow page</h1>
      <button type="button" onClick={() => setSortAscending((v) => !v)}>
        Re-sort (blocks the main thread for 250 ms)
      </button>
      <ul>
        {rows.slice(0, 20).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </>
  );
}
