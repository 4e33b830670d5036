import { type FormEvent, useState } from 'react';

/**
 * A form with an email and a password field. Replay records the typing masked (OpenReplay's obscured input
 * mode and email obscuring), and the values are never sent anywhere: the order call carries only numbers.
 */
export function CheckoutPage() {
  const [status, setStatus] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('Placing order…');
    try {
      const response = await fetch(`${window.location.origin}/api/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: 3, total: 42.5 }),
      });
      const body = (await response.json()) as { orderId?: string };
      setStatus(response.ok ? `Order placed: ${body.orderId}` : `Order failed (${response.status})`);
    } catch (error) {
      setStatus(`Order failed: ${String(error)}`);
    }
  };
  return (
    <>
      <h1>Checkout</h1>
      <form onSubmit={(e) => void submit(e)} className="panel">
        <label>
          Email
          <input type="email" name="email" autoComplete="off" data-testid="email" />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="off" data-testid="password" />
        </label>
        <button type="submit">Place order</button>
        {status && <p data-testid="order-status">{status}</p>}
      </form>
    </>
  );
}
