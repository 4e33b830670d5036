import { useParams } from 'react-router';

/** A parameterised route: page views and vitals are grouped under `/users/:id`, never the raw id. */
export function UserPage() {
  const { id } = useParams();
  return (
    <>
      <h1>User {id}</h1>
      <p>Metrics for this page are reported under the route pattern /users/:id.</p>
      {/* Masked in replays by openreplay-sanitization-rules.json ([data-private]). */}
      <p data-private>Customer since 2021 · Jane Roe · 221B Baker Street</p>
    </>
  );
}
