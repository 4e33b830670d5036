// Part of `npm run check:install`: `npx usermetrics-dev` the way a user meets it. In the project check-install.mjs
// made from the packed tarballs, it writes a tiny Vite app (vanilla, @usermetrics/browser) and a routes module with
// one handler wrapped by @usermetrics/node, starts Vite's dev server, then `npx usermetrics-dev --proxy … --handlers …`,
// and drives the proxied page and the dashboard in Chromium: the page loads through the proxy, Vite's HMR websocket
// connects through it and delivers an edit, the handler answers with the page's session id, and the dashboard shows
// the handler's log line, its invocation and the page's error report.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { assertChromium, CHROMIUM_ARGS } from '@usermetrics/test-support/chromium';
import { chromium } from 'playwright-core';

const ERROR_MESSAGE = 'probe error from the fresh app';

const files = {
  'index.html': `<!doctype html>
<html><head><title>fresh app</title></head>
<body><h1 id="message">loading</h1><button id="call">call the API</button><pre id="answer"></pre>
<script type="module" src="/src/main.js"></script></body></html>
`,
  'src/message.js': `export const message = 'fresh app v1';\n`,
  'src/main.js': `import { createTracker } from '@usermetrics/browser';
import { message } from './message.js';

const origin = window.location.origin;
const tracker = createTracker({
  endpoint: origin + '/telemetry',
  environment: 'local',
  routes: ['/'],
  propagateToOrigins: [origin],
  transport: { flushIntervalMs: 500 },
});
document.getElementById('message').textContent = message;
document.getElementById('call').addEventListener('click', async () => {
  const response = await fetch(origin + '/api/hello');
  document.getElementById('answer').textContent = await response.text();
  await tracker.trackError(new Error('${ERROR_MESSAGE}'));
});
`,
  'usermetrics.routes.mjs': `import { createLogger, getInvocationContext, withUsermetrics } from '@usermetrics/node';

const logger = createLogger('fresh-hello');
const hello = withUsermetrics(
  async () => {
    logger.info('hello from the fresh handler');
    return { statusCode: 200, body: JSON.stringify({ sessionId: getInvocationContext()?.sessionId ?? null }) };
  },
  { functionName: 'fresh-hello', environment: 'local' },
);

export default { 'GET /api/hello': hello };
`,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a child and resolves once `pattern` appears in its output; keeps the output for error messages. */
function startUntil(cmd, args, cwd, pattern, what) {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, BROWSER: 'none', AWS_EMF_ENVIRONMENT: 'Local' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk) => {
      output += chunk;
      const m = pattern.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
  return { child, ready, output: () => output };
}

function stop(child) {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // its own process group: npx and what it started
  } catch {
    // already gone
  }
}

async function waitFor(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Runs the scenario in `app`, a project where the tarballs and vite are installed. */
export async function checkDevCollector(app) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(app, name)), { recursive: true });
    writeFileSync(join(app, name), text);
  }
  const vitePort = await freePort();
  const vite = startUntil(
    'npx',
    ['vite', '--port', String(vitePort), '--strictPort', '--host', '127.0.0.1'],
    app,
    /ready in|Local:/,
    'vite',
  );
  let dev;
  const browser = await chromium.launch({ executablePath: assertChromium(), args: CHROMIUM_ARGS });
  try {
    await vite.ready;
    dev = startUntil(
      'npx',
      [
        'usermetrics-dev',
        '--proxy',
        `http://localhost:${vitePort}`,
        '--handlers',
        './usermetrics.routes.mjs',
        '--port',
        '0',
      ],
      app,
      /Dashboard\s+(http:\/\/127\.0\.0\.1:\d+)\/__usermetrics/,
      'usermetrics-dev',
    );
    const [, base] = await dev.ready;
    const page = await browser.newPage();
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(`${base}/`);
    await page.waitForFunction(() => document.getElementById('message')?.textContent === 'fresh app v1');
    await waitFor("Vite's HMR websocket through the proxy", () =>
      consoleLines.some((l) => l.includes('[vite] connected')),
    );
    // An edit reaches the open page over that websocket (Vite reloads or hot-updates it).
    writeFileSync(join(app, 'src/message.js'), `export const message = 'fresh app v2';\n`);
    await page.waitForFunction(
      () => document.getElementById('message')?.textContent === 'fresh app v2',
      null,
      {
        timeout: 30_000,
      },
    );
    await page.click('#call');
    await page.waitForFunction(() => document.getElementById('answer')?.textContent?.includes('sessionId'));
    const answer = JSON.parse(await page.textContent('#answer'));
    if (typeof answer.sessionId !== 'string') {
      throw new Error(`the handler did not get the page's X-Session-Id: ${JSON.stringify(answer)}`);
    }
    const dashboard = await browser.newPage();
    await dashboard.goto(`${base}/__usermetrics`);
    await waitFor('the error report, the handler log line and its invocation on the dashboard', async () => {
      const text = await dashboard.textContent('body');
      return (
        text.includes(ERROR_MESSAGE) &&
        text.includes('hello from the fresh handler') &&
        text.includes('fresh-hello')
      );
    });
    const logs = await (await fetch(`${base}/__usermetrics/api/logs`)).json();
    const line = logs.logs?.find((l) => l.message === 'hello from the fresh handler');
    if (line?.sessionId !== answer.sessionId) {
      throw new Error(`the handler's log line lacks the page's session id: ${JSON.stringify(line)}`);
    }
    console.log(
      `✔ npx usermetrics-dev --proxy (Vite ${vitePort}, HMR through the proxy) --handlers: page, handler, error and ` +
        'log line with the session id on the dashboard, in Chromium',
    );
  } catch (error) {
    console.error(`vite output:\n${vite.output()}\nusermetrics-dev output:\n${dev?.output() ?? ''}`);
    throw error;
  } finally {
    await browser.close();
    if (dev) stop(dev.child);
    stop(vite.child);
  }
}
