#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { parseArgs, USAGE, UsageError } from './cli/parse-args';
import { DASHBOARD_PATH } from './dashboard/dashboard-routes';
import type { ApiRoute } from './routes/api-route';
import { loadRoutesModule, RoutesModuleError } from './routes/load-routes-module';
import { PortInUseError, startCollector } from './server/create-collector';

// Exit codes: 0 stopped with Ctrl-C, 1 unexpected failure, 2 usage error or port in use, 3 bad routes module.
async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  if (args.command === 'help') {
    console.log(USAGE);
    return;
  }
  // aws-embedded-metrics decides where EMF goes when it is first imported (by the handlers module, possibly):
  // stdout, as on Lambda, never a probe of the EC2 metadata address.
  process.env.AWS_EMF_ENVIRONMENT ??= 'Local';
  let apiRoutes: ApiRoute[] = [];
  if (args.handlers !== undefined) {
    try {
      apiRoutes = await loadRoutesModule(args.handlers);
    } catch (error) {
      if (error instanceof RoutesModuleError) {
        console.error(`usermetrics-dev: ${error.message}`);
        process.exit(3);
      }
      throw error;
    }
  }
  // The collector runs other people's handlers in-process: a stray async throw in one of them is reported,
  // never fatal.
  process.on('uncaughtException', (error) =>
    console.error('usermetrics-dev: uncaught error in a handler:', error),
  );
  process.on('unhandledRejection', (reason) =>
    console.error('usermetrics-dev: unhandled rejection in a handler:', reason),
  );
  try {
    const collector = await startCollector({
      port: args.port,
      host: args.host,
      dataDir: args.dataDir,
      quiet: args.quiet,
      apiRoutes,
      routes: args.routes,
      ...(args.appDir !== undefined ? { appDir: args.appDir } : {}),
      ...(args.proxy !== undefined ? { proxy: args.proxy } : {}),
    });
    const base = collector.url;
    const app =
      args.proxy !== undefined
        ? `${base}/   (your dev server ${args.proxy}, proxied with its HMR socket)`
        : args.appDir !== undefined
          ? `${base}/   (served from ${args.appDir})`
          : '(none: pass --proxy <dev server URL> or --app <folder>)';
    console.log(`\nusermetrics-dev is running (data in ${collector.dataDir})\n`);
    console.log(`  App        ${app}`);
    console.log(`  Dashboard  ${base}${DASHBOARD_PATH}`);
    console.log(`  JSON API   ${base}${DASHBOARD_PATH}/api/summary`);
    console.log(`  Ingestion  POST ${base}/metrics/web-vitals · POST ${base}/errors/report`);
    console.log(
      `  Tracker    endpoint and umami.hostUrl: ${base}/telemetry · replay ingestPoint: ${base}/ingest`,
    );
    for (const r of apiRoutes) console.log(`  Lambda     ${r.method} ${r.path} → ${r.functionName}`);
    console.log('\nPress Ctrl-C to stop.\n');
    if (args.open) openInBrowser(`${base}${DASHBOARD_PATH}`);
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(0);
      stopping = true;
      collector.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    if (error instanceof PortInUseError) {
      console.error(`usermetrics-dev: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

/** Opens a URL with the platform's opener; a missing opener is a note, never a failure. */
function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`usermetrics-dev: could not open a browser; open ${url} yourself.`));
  child.unref();
}

main().catch((error: unknown) => {
  console.error('usermetrics-dev failed to start:', error);
  process.exit(1);
});
