// One cold start: a fresh process imports the bundle and runs its first invocation. The figure is
// performance.now() at the end, i.e. milliseconds since this process started (same for every variant).
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { benchContext, httpEvent } from '../lib.mjs';

const mod = await import(pathToFileURL(process.argv[2]).href);
await mod.handler(httpEvent, benchContext(1));
const ms = performance.now();
process.send({ ms }, () => process.exit(0));
