import { useEffect, useState } from 'react';

/** The landing page: a large hero (the LCP element) and a late banner that shifts the layout (CLS). */
export function HomePage() {
  const [showBanner, setShowBanner] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShowBanner(true), 400);
    return () => clearTimeout(timer);
  }, []);
  return (
    <>
      {showBanner && (
        <div className="banner" data-testid="late-banner">
          Free shipping this week! This banner arrives 400 ms late and pushes the page down: a layout shift
          for CLS to measure.
        </div>
      )}
      <p className="hero">Everything you need, measured.</p>
      <p>
        This shop is instrumented with usermetrics: web vitals, errors, page views and a session replay go to
        the local collector, and the API calls below run real Lambda handlers. Open the dashboard to watch
        them arrive.
      </p>
    </>
  );
}
