import { useState } from 'react';

export function applyDiscount(total: number): number {
  if (total < 0) {
    throw new RangeError(`negative total ${total}`);
  }
  return total * 0.9;
}

export function App() {
  const [total, setTotal] = useState(100);
  return (
    <main>
      <p id="total">{total}</p>
      <button type="button" id="checkout" onClick={() => setTotal(applyDiscount(-5))}>
        Check out
      </button>
    </main>
  );
}
