#!/usr/bin/env node
import { parseArgs, USAGE, UsageError } from './cli/parse-args';
import { DASHBOARD_PATH } from './dashboard/dashboard-routes';
import { PortInUseError, startCollector } from './server/create-collector';

// Exit codes: 0 stopped with Ctrl-C, 1 unexpected failure, 2 usage error or port in use.
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
  // The collector runs other people's handlers in-process: a stray async throw in one of them is reported,
  // never fatal.
  process.on('uncaughtException', (error) =>
    console.error('usermetrics dev: uncaught error in a handler:', error),
  );
  process.on('unhandledRejection', (reason) =>
    console.error('usermetrics dev: unhandled rejection in a handler:', reason),
  );
  try {
    const collector = await startCollector({
      port: args.port,
      host: args.host,
      dataDir: args.dataDir,
      quiet: args.quiet,
      ...(args.appDir !== undefined ? { appDir: args.appDir } : {}),
    });
    const base = collector.url;
    console.log(`\nusermetrics dev is running (data in ${collector.store.dataDir})\n`);
    console.log(`  App        ${base}/`);
    console.log(`  Dashboard  ${base}${DASHBOARD_PATH}`);
    console.log(`  JSON API   ${base}${DASHBOARD_PATH}/api/summary`);
    console.log(`  Ingestion  POST ${base}/metrics/web-vitals · POST ${base}/errors/report`);
    console.log('\nPress Ctrl-C to stop.\n');
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
      console.error(`usermetrics dev: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error('usermetrics dev failed to start:', error);
  process.exit(1);
});
