import { matchPath } from 'react-router';

/**
 * The app's route patterns. The collector configures the ingestion handlers with the same list
 * (DEMO_ROUTES in packages/dev), so `route` dimension values stay bounded.
 */
export const ROUTES = ['/', '/checkout', '/slow', '/users/:id'] as const;

/** The route pattern a path belongs to (`/users/42` → `/users/:id`), or `other`. */
export function routeFor(pathname: string): string {
  return ROUTES.find((pattern) => matchPath({ path: pattern, end: true }, pathname) !== null) ?? 'other';
}
