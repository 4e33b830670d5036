import type { ServerResponse } from 'node:http';
import type { CollectorContext } from '../server/collector-context';
import { escapeHtml as h, send, sendJson } from '../server/http-utils';
import { renderDashboard, renderSections } from './render-dashboard';
import {
  correlatedErrors,
  emfSeries,
  pageViewCounts,
  replaySessions,
  summarize,
  vitalsByRoute,
} from './summarize';

/** Base path of the dashboard and its JSON API. */
export const DASHBOARD_PATH = '/__usermetrics';

const HTML = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

/**
 * `GET /__usermetrics` (page), `/__usermetrics/sections` (the refreshable part) and the JSON API under
 * `/__usermetrics/api/`: summary, errors, vitals, logs, emf, pageviews, replay, rejected, invocations.
 * Returns false when the path is not one of them.
 */
export function handleDashboard(
  ctx: CollectorContext,
  path: string,
  query: URLSearchParams,
  res: ServerResponse,
): boolean {
  const { store } = ctx;
  if (path === DASHBOARD_PATH || path === `${DASHBOARD_PATH}/`) {
    send(res, 200, renderDashboard(summarize(store)), HTML);
    return true;
  }
  if (path === `${DASHBOARD_PATH}/sections`) {
    send(res, 200, renderSections(summarize(store)), HTML);
    return true;
  }
  const api = `${DASHBOARD_PATH}/api/`;
  if (!path.startsWith(api)) return false;
  const limit = Math.min(Math.max(Number(query.get('limit')) || 1000, 1), 5000);
  const recent = <T>(list: readonly T[]) => list.slice(-limit);
  const name = path.slice(api.length);
  const noStore = { 'cache-control': 'no-store' };
  switch (name) {
    case 'summary':
      if (query.get('fields') === 'revision') sendJson(res, 200, { revision: store.revision }, noStore);
      else sendJson(res, 200, summarize(store), noStore);
      return true;
    case 'errors':
      sendJson(res, 200, { errors: correlatedErrors(store, limit), total: store.total('errors') }, noStore);
      return true;
    case 'vitals':
      sendJson(
        res,
        200,
        { byRoute: vitalsByRoute(store), items: recent(store.list('vitals')), total: store.total('vitals') },
        noStore,
      );
      return true;
    case 'logs':
      sendJson(res, 200, { logs: recent(store.list('logs')), total: store.total('logs') }, noStore);
      return true;
    case 'emf':
      sendJson(
        res,
        200,
        { series: emfSeries(store), documents: recent(store.list('emf')), total: store.total('emf') },
        noStore,
      );
      return true;
    case 'pageviews':
      sendJson(
        res,
        200,
        {
          byPath: pageViewCounts(store),
          items: recent(store.list('pageviews')),
          total: store.total('pageviews'),
        },
        noStore,
      );
      return true;
    case 'replay':
      sendJson(res, 200, { sessions: replaySessions(store), items: recent(store.list('replay')) }, noStore);
      return true;
    case 'rejected':
      sendJson(res, 200, { items: recent(store.list('rejected')), total: store.total('rejected') }, noStore);
      return true;
    case 'invocations':
      sendJson(
        res,
        200,
        { items: recent(store.list('invocations')), total: store.total('invocations') },
        noStore,
      );
      return true;
    default:
      sendJson(res, 404, { success: false, error: { code: 'not_found', message: `No API ${name}` } });
      return true;
  }
}

/** The page a replay link (`/<projectID>/session/<sessionID>`) opens: what was recorded, and the session's errors. */
export function renderReplayPage(ctx: CollectorContext, sessionID: string, res: ServerResponse): void {
  const records = ctx.store.list('replay').filter((r) => r.sessionID === sessionID);
  const start = records.find((r) => r.type === 'start');
  const batches = records.filter((r) => r.type === 'batch');
  const userID = [...records].reverse().find((r) => r.userID !== undefined)?.userID;
  const errors = userID ? ctx.store.list('errors').filter((e) => e.sessionId === userID) : [];
  const rows = batches
    .map(
      (b) =>
        `<tr><td>${h(b.at)}</td><td>${h(b.dataType)}</td><td>${b.messages}</td><td>${b.size} B${b.compressed ? ' (gzip)' : ''}</td><td>${b.decodedSize} B</td></tr>`,
    )
    .join('');
  const errorList = errors
    .map((e) => `<li>${h(e.type)}: ${h(e.message)} <code>${h(e.errorId)}</code></li>`)
    .join('');
  send(
    res,
    records.length === 0 ? 404 : 200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>replay ${h(sessionID)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px}td,th{padding:2px 10px;text-align:left}</style></head><body>
<p><a href="${DASHBOARD_PATH}">← dashboard</a></p>
<h1>Replay session <code>${h(sessionID)}</code></h1>
<p>The local stand-in records OpenReplay batches (decoded far enough to count messages) but does not play them back;
point <code>replay.ingestPoint</code> at a real OpenReplay to watch sessions.</p>
<p>usermetrics session: <code>${h(userID ?? 'unknown')}</code> · started ${h(start?.at ?? '?')}</p>
${errorList ? `<h2>Errors in this session</h2><ul>${errorList}</ul>` : ''}
<h2>${batches.length} batches</h2><table><tr><th>received</th><th>type</th><th>messages</th><th>sent</th><th>decoded</th></tr>${rows}</table>
</body></html>`,
    HTML,
  );
}
