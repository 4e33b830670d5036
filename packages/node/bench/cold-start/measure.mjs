// One cold start: a fresh process imports the bundle and runs its first invocation. The figure is
// performance.now() at the end, i.e. milliseconds since this process started (same for every variant),
// plus the CPU time the process used until then (user + system), which a loaded machine disturbs less.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { benchContext, httpEvent } from '@usermetrics/test-support/bench-lib';

const mod = await import(pathToFileURL(process.argv[2]).href);
await mod.handler(httpEvent, benchContext(1));
const ms = performance.now();
const cpu = process.cpuUsage();
process.send({ ms, cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0));
