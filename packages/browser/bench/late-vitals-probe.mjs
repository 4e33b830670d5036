// Does web-vitals lose anything when it is registered late — after the load event and an idle wait, as a
// deferred chunk would register it (#14 item 1) — instead of before any page script? One page, two copies of
// web-vitals: one registered by an init script (early), one injected 1 s after load (late, relying on the
// buffered PerformanceObservers web-vitals uses). The slow interaction (150 ms) happens before the late
// registration and a quick one (30 ms) after it, so a late INP equal to the early one can only come from the
// buffer; then the page is hidden so CLS and INP are final. Prints both sets of values per run.
// Not a timing benchmark: it compares reported values, so machine load does not bias it.
// Run: node packages/browser/bench/late-vitals-probe.mjs
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { assertChromium, CHROMIUM_ARGS } from '@usermetrics/test-support/chromium';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
// The web-vitals this package ships (its IIFE build sits beside the ESM entry; `exports` does not list it).
const iife = readFileSync(join(dirname(require.resolve('web-vitals')), 'web-vitals.iife.js'), 'utf8');
const html = `<!doctype html><html><head><title>t</title><style>#b{height:0}#b.open{height:160px}</style></head><body>
<div id="b"></div><h1>Late registration probe</h1><p>${'Some paragraph text to paint. '.repeat(40)}</p>
<button id="btn">work</button><button id="quick">quick</button>
<script>document.getElementById('btn').addEventListener('click',()=>{const t=performance.now()+150;while(performance.now()<t){}});
document.getElementById('quick').addEventListener('click',()=>{const t=performance.now()+30;while(performance.now()<t){}});
addEventListener('load',()=>setTimeout(()=>document.getElementById('b').classList.add('open'),300));</script></body></html>`;
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(html);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: assertChromium(), args: CHROMIUM_ARGS });
const results = [];
for (let run = 0; run < 3; run++) {
  const page = await browser.newPage();
  // Early: web-vitals registered before any page script (what the entry does today).
  await page.addInitScript(
    `${iife}; window.__early = {}; for (const n of ['LCP','FCP','TTFB','CLS','INP']) webVitals['on'+n]((m)=>{window.__early[m.name]=m.value}, {reportAllChanges:true});`,
  );
  await page.goto(url, { waitUntil: 'load' });
  // An interaction before the late registration (right after load).
  await page.click('#btn');
  // Late: a second copy registered after load and a 1 s idle wait (what a deferred chunk would do).
  await page.waitForTimeout(1000);
  await page.evaluate(
    `(()=>{const s=document.createElement('script');s.textContent=${JSON.stringify(iife.replace(/webVitals/g, 'webVitalsLate'))};document.head.appendChild(s);window.__late={};for (const n of ['LCP','FCP','TTFB','CLS','INP']) webVitalsLate['on'+n]((m)=>{window.__late[m.name]=m.value},{reportAllChanges:true});})()`,
  );
  await page.waitForTimeout(1000);
  await page.click('#quick');
  await page.waitForTimeout(500);
  // Hide the page so CLS/INP are final.
  const out = await page.evaluate(async () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 200));
    return { early: window.__early, late: window.__late };
  });
  results.push(out);
  await page.close();
}
console.log(JSON.stringify(results, null, 1));
await browser.close();
server.close();
