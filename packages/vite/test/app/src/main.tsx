import { createRoot } from 'react-dom/client';
import { App } from './App';

declare global {
  interface Window {
    errorStacks: string[];
    build: { release: string; environment: string };
  }
}

// What a tracker would read: the release and environment the plugin defined at build time.
window.build = {
  release: import.meta.env.VITE_USERMETRICS_RELEASE,
  environment: import.meta.env.VITE_USERMETRICS_ENVIRONMENT,
};
window.errorStacks = [];
window.addEventListener('error', (event) => {
  window.errorStacks.push(String((event.error as Error | undefined)?.stack));
});

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
