import { matchPath } from 'react-router';
import routes from '../routes.json';

/**
 * The app's route patterns, kept in routes.json so the demo passes the same list to the ingestion handlers
 * (`usermetrics-dev --routes`): `route` dimension values stay bounded.
 */
export const ROUTES: readonly string[] = routes;

/** The route pattern a path belongs to (`/users/42` → `/users/:id`), or `other`. */
export function routeFor(pathname: string): string {
  return ROUTES.find((pattern) => matchPath({ path: pattern, end: true }, pathname) !== null) ?? 'other';
}
