import { WEB_VITAL_NAMES } from '@usermetrics/core';
import { escapeHtml as h } from '../server/http-utils';
import type { Summary } from './summarize';

// Good / poor thresholds from web.dev, to colour p75 cells the way the web-vitals library rates samples.
const THRESHOLDS: Record<string, [number, number]> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
};

/** The dashboard's inner HTML (everything that refreshes). All data is escaped: it comes from clients. */
export function renderSections(s: Summary): string {
  return [
    totals(s),
    section('Web vitals by route (p75)', vitals(s)),
    section('Errors (with replay link and the Lambda log lines of the same session)', errors(s)),
    section('Page views (Umami)', pageviews(s)),
    section('Replay sessions (OpenReplay)', replay(s)),
    section('Lambda invocations', invocations(s)),
    section('Rejected requests', rejected(s)),
    section('Metrics (EMF, by namespace / metric / dimensions)', emf(s), 'wide'),
  ].join('\n');
}

/** The whole page: sections rendered on the server, refreshed by a small poller when the data changes. */
export function renderDashboard(s: Summary): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>usermetrics-dev</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1d2330;color:#fff;padding:12px 24px;display:flex;gap:16px;align-items:baseline}
header h1{font-size:18px;margin:0}header span{opacity:.7}
main{padding:16px 24px;display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
section{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:12px 16px;overflow:auto}
section h2{font-size:15px;margin:0 0 8px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #eef0f4;vertical-align:top}
th{font-weight:600;color:#555}td.num{text-align:right;font-variant-numeric:tabular-nums}
.good{color:#0a7d32;font-weight:600}.ni{color:#b26b00;font-weight:600}.poor{color:#c0162c;font-weight:600}
.wide{grid-column:1/-1}.nowrap{white-space:nowrap}.totals{grid-column:1/-1;display:flex;gap:24px;flex-wrap:wrap}.totals b{font-size:20px;display:block}
.logs{margin:4px 0 0;padding:6px;background:#f3f4f7;border-radius:4px;font:12px ui-monospace,monospace;white-space:pre-wrap}
.muted{color:#888}code{font:12px ui-monospace,monospace}
</style></head>
<body><header><h1>usermetrics-dev</h1><span>local collector · updates live</span></header>
<main id="content">${renderSections(s)}</main>
<script>
let revision = ${JSON.stringify(s.revision)};
async function poll() {
  try {
    const r = await fetch('/__usermetrics/api/summary?fields=revision');
    const { revision: next } = await r.json();
    if (next !== revision) {
      const html = await (await fetch('/__usermetrics/sections')).text();
      document.getElementById('content').innerHTML = html;
      revision = next;
    }
  } catch {}
  setTimeout(poll, 1500);
}
setTimeout(poll, 1500);
</script></body></html>`;
}

function section(title: string, body: string, className = ''): string {
  return `<section class="${className}"><h2>${h(title)}</h2>${body}</section>`;
}

function totals(s: Summary): string {
  const t = s.totals;
  const item = (label: string, n: number) => `<div><b>${n}</b>${h(label)}</div>`;
  return `<section class="totals">${item('web vitals', t.vitals)}${item('errors', t.errors)}${item('log lines', t.logs)}${item(
    'EMF documents',
    t.emf,
  )}${item('page views & events', t.pageviews)}${item('replay records', t.replay)}${item('Lambda invocations', t.invocations)}${item(
    'rejected',
    t.rejected,
  )}</section>`;
}

function empty(what: string): string {
  return `<p class="muted">No ${h(what)} yet.</p>`;
}

function vitals(s: Summary): string {
  const routes = Object.entries(s.vitals);
  if (routes.length === 0) return empty('web vitals');
  const head = `<tr><th>route</th>${WEB_VITAL_NAMES.map((n) => `<th>${n}</th>`).join('')}</tr>`;
  const rows = routes.map(([route, stats]) => {
    const cells = WEB_VITAL_NAMES.map((name) => {
      const st = stats[name];
      if (st === undefined) return '<td class="num muted">–</td>';
      const [good, poor] = THRESHOLDS[name] ?? [0, 0];
      const cls = st.p75 <= good ? 'good' : st.p75 <= poor ? 'ni' : 'poor';
      const value = name === 'CLS' ? st.p75.toFixed(3) : `${Math.round(st.p75)} ms`;
      return `<td class="num"><span class="${cls}">${value}</span> <span class="muted">n=${st.count}</span></td>`;
    });
    return `<tr><td><code>${h(route)}</code></td>${cells.join('')}</tr>`;
  });
  return `<table>${head}${rows.join('')}</table>`;
}

function errors(s: Summary): string {
  if (s.errors.length === 0) return empty('errors');
  return s.errors
    .map((e) => {
      const replay = e.replayUrl
        ? `<a href="${h(e.replayUrl)}">replay</a>`
        : '<span class="muted">no replay</span>';
      const logs = e.logs.length
        ? `<div class="logs">${e.logs
            .map((l) => `${h(l.at.slice(11, 19))} ${h(l.level)} ${h(l.functionName)}: ${h(l.message)}`)
            .join('\n')}</div>`
        : '<div class="muted">no Lambda log lines for this session</div>';
      const frames = e.frames?.length
        ? `<div class="logs">${e.frames.map((f) => `at ${h(f)}`).join('\n')}</div>`
        : '';
      return `<div style="margin-bottom:10px"><b>${h(e.type ?? 'Error')}</b>: ${h(e.message)}${
        e.duplicate ? ' <span class="muted">(duplicate)</span>' : ''
      }<br><span class="muted">${h(e.at)} · route <code>${h(e.route ?? '?')}</code> · session <code>${h(
        e.sessionId ?? '-',
      )}</code> · errorId <code>${h(e.errorId ?? '-')}</code></span> · ${replay}${frames}${logs}</div>`;
    })
    .join('');
}

function emf(s: Summary): string {
  if (s.emf.length === 0) return empty('EMF metrics');
  const rows = s.emf.map((m) => {
    const dims = Object.entries(m.dimensions)
      .map(([k, v]) => `${h(k)}=${h(v)}`)
      .join(', ');
    return `<tr><td>${h(m.namespace)}</td><td><b>${h(m.name)}</b> <span class="muted">${h(m.unit)}</span></td><td class="nowrap"><code>${dims}</code></td><td class="num">${m.samples}</td><td class="num">${fmt(
      m.sum,
    )}</td><td class="num">${fmt(m.last)}</td></tr>`;
  });
  return `<table><tr><th>namespace</th><th>metric</th><th>dimensions</th><th>samples</th><th>sum</th><th>last</th></tr>${rows.join(
    '',
  )}</table>`;
}

function pageviews(s: Summary): string {
  if (s.pageviews.length === 0) return empty('page views');
  const rows = s.pageviews.map(
    (p) =>
      `<tr><td><code>${h(p.path)}</code></td><td class="num">${p.views}</td><td class="num">${p.events}</td></tr>`,
  );
  return `<table><tr><th>path</th><th>views</th><th>events</th></tr>${rows.join('')}</table>`;
}

function replay(s: Summary): string {
  if (s.replay.length === 0) return empty('replay sessions');
  const rows = s.replay.map(
    (r) =>
      `<tr><td><a href="/1/session/${h(r.sessionID)}"><code>${h(r.sessionID)}</code></a></td><td><code>${h(
        r.userID ?? '-',
      )}</code></td><td class="num">${r.batches}</td><td class="num">${r.messages}</td><td class="num">${(r.bytes / 1024).toFixed(1)} KB</td></tr>`,
  );
  return `<table><tr><th>replay session</th><th>usermetrics session</th><th>batches</th><th>messages</th><th>sent</th></tr>${rows.join(
    '',
  )}</table>`;
}

function invocations(s: Summary): string {
  if (s.invocations.length === 0) return empty('invocations');
  const rows = s.invocations.map(
    (i) =>
      `<tr><td>${h(i.at.slice(11, 19))}</td><td><code>${h(i.method)} ${h(i.path)}</code></td><td>${h(i.functionName)}</td><td class="num ${
        i.status >= 500 ? 'poor' : i.status >= 400 ? 'ni' : 'good'
      }">${i.status}</td><td class="num">${i.durationMs} ms</td><td>${h(i.outcome)}</td></tr>`,
  );
  return `<table><tr><th>time</th><th>request</th><th>function</th><th>status</th><th>duration</th><th>outcome</th></tr>${rows.join(
    '',
  )}</table>`;
}

function rejected(s: Summary): string {
  const codes = Object.entries(s.rejected.byCode);
  if (codes.length === 0) return empty('rejected requests');
  const byCode = codes.map(([code, n]) => `<code>${h(code)}</code> × ${n}`).join(' · ');
  const rows = s.rejected.recent.map(
    (r) =>
      `<tr><td>${h(r.at.slice(11, 19))}</td><td><code>${h(r.method)} ${h(r.path)}</code></td><td class="num">${r.status}</td><td>${h(
        r.code,
      )}</td><td>${h(r.message)}</td></tr>`,
  );
  return `<p>${byCode}</p><table><tr><th>time</th><th>request</th><th>status</th><th>code</th><th>reason</th></tr>${rows.join('')}</table>`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
