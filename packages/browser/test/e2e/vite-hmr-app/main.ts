/// <reference types="vite/client" />
// The app's entry: renders the view and accepts its updates (what a framework's HMR boundary does, e.g. React
// Fast Refresh for a component module), so editing view.ts — or a module view.ts imports — is an HMR update,
// not a full reload.
import { renderView } from './view';

renderView();
import.meta.hot?.accept('./view', (next) => next?.renderView());
