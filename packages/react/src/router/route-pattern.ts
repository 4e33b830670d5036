/** The part of a react-router match this package reads. */
export interface RouteMatchLike {
  route: { path?: string | undefined };
}

/**
 * Joins the paths of matched routes into one pattern: `/` + `users` + `:id` → `/users/:id`. Pathless layout
 * and index routes add nothing; absolute child paths are kept as they are. Undefined when nothing matched.
 */
export function routePattern(matches: readonly RouteMatchLike[] | undefined): string | undefined {
  if (!matches || matches.length === 0) return undefined;
  let pattern = '';
  for (const { route } of matches) {
    const path = route.path;
    if (!path) continue;
    pattern = path.startsWith('/') ? path : `${pattern}/${path}`;
  }
  return `/${pattern.split('/').filter(Boolean).join('/')}`;
}
