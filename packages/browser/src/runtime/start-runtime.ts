import type { ErrorCapture } from '../errors/create-error-capture';
import { createErrorsFeature } from '../features/errors-feature';
import type { ReplayFeature } from '../features/replay-feature';
import { createUmamiFeature, type UmamiFeature } from '../features/umami-feature';
import { createVitalsFeature } from '../features/vitals-feature';
import { createFetchRequest } from '../transport/create-fetch-request';
import { createTransport, type Transport } from '../transport/create-transport';
import { keepaliveWhileHidden } from '../transport/keepalive-while-hidden';
import { sendInOrder } from '../transport/send-in-order';
import type { VitalsPipeline } from '../vitals/create-vitals-pipeline';
import { type HeldSends, holdSends } from './hold-sends';
import { runSteps } from './run-steps';
import type { Runtime, RuntimeContext } from './types';

/**
 * The runtime chunk: everything the tracker does besides recording — transport, redaction, error
 * processing, web vitals, Umami, the replay loader. The loader imports it when the browser is idle after the
 * load event, and it starts in steps, each a task of its own (`ctx.schedule`), so that none is a long task:
 *
 * 1. transport, and the session's first storage access (synchronous, slow the first time in Chromium);
 * 2. Umami's client and the first page view's payload (the first run of URL sanitizing and redaction), before
 *    any queued navigation or event, so Umami sees the visit in order; its request waits ({@link holdSends})
 * 3. for this step: the first page view's request;
 * 4. error processing; the loader hands its queued calls over (errors captured before load are sent now);
 * 5. web vitals LCP, INP and CLS, and the hide flush (subscribing runs web-vitals' own code and reports what
 *    its buffered observers saw);
 * 6. web vitals FCP and TTFB;
 * 7. replay: our replay code (a chunk of its own), which then loads OpenReplay in idle time of its own.
 */
export function startRuntime(ctx: RuntimeContext): Runtime {
  const { resolved, env, log } = ctx;
  const nav = env.navigator;
  const stopping = ctx.isStopping;
  let transport: Transport | undefined;
  let errors: ErrorCapture | undefined;
  let umami: UmamiFeature | undefined;
  let vitals: VitalsPipeline | undefined;
  let replay: ReplayFeature | undefined;
  let held: HeldSends | undefined;
  const undo: (() => void)[] = [];

  // A step per configured feature only: an idle callback that does nothing still costs a task.
  const steps = [
    () => {
      const beacon = typeof nav.sendBeacon === 'function' ? nav.sendBeacon.bind(nav) : undefined;
      transport = createTransport(
        {
          clock: ctx.clock,
          isOnline: () => nav.onLine !== false,
          // An opaque answer proves the server is there: it is refusing this page, not unreachable.
          isReachable: (url) =>
            env.fetch(url, { method: 'HEAD', mode: 'no-cors', credentials: 'omit', cache: 'no-store' }).then(
              () => true,
              () => false,
            ),
          onBlocked: (origin) =>
            log.log(
              `${origin} refuses this page: blocked by CORS? check allowedOrigins. Dropping until reload`,
            ),
        },
        ctx.makeRequest ?? createFetchRequest({ fetch: env.fetch, sendBeacon: beacon }),
      );
      ctx.session.touch();
    },
    resolved.config.umami &&
      (() => {
        held = holdSends(
          sendInOrder(keepaliveWhileHidden(transport as Transport, env.document), env.document),
        );
        umami = createUmamiFeature(ctx, held.transport);
        if (!stopping()) umami?.firstView();
      }),
    resolved.config.umami && (() => held?.release()),
    () => {
      if (resolved.errors)
        errors = createErrorsFeature(ctx, keepaliveWhileHidden(transport as Transport, env.document), () =>
          replay?.getUrl(),
        );
      ctx.ready(runtime);
    },
    resolved.vitalsSampleRate !== undefined &&
      (() => {
        if (stopping()) return;
        vitals = createVitalsFeature(ctx, transport as Transport);
        if (vitals) undo.push(vitals.start());
      }),
    resolved.vitalsSampleRate !== undefined &&
      (() => {
        if (!stopping()) vitals?.startRest();
      }),
    resolved.config.replay &&
      (() => {
        if (stopping()) return;
        // Our replay code is a lazy chunk of its own too, next to OpenReplay's: only pages with replay pay for it.
        import('../features/replay-feature').then(
          (m) => {
            if (!stopping()) replay = m.createReplayFeature(ctx);
          },
          (e: unknown) => log.report('replay', e),
        );
      }),
  ].filter((step) => typeof step === 'function');
  const start = runSteps(steps, ctx.schedule, (e) => log.report('start', e));

  const runtime: Runtime = {
    trackError: (error, context) => errors?.trackError(error, context) ?? Promise.resolve(undefined),
    captureGlobal: (event) => errors?.captureGlobal(event),
    pageView: (url, options) => umami?.pageView(url, options),
    event: (name, data) => umami?.event(name, data),
    navigated: (href) => umami?.navigated(href),
    consentChanged(next, previous) {
      if (previous.performance && !next.performance) vitals?.clear('consent');
      umami?.consentChanged(next, previous);
      replay?.consentChanged(next, previous);
    },
    setSessionId: (id) => replay?.setSessionId(id),
    getReplayUrl: () => replay?.getUrl(),
    finishStart: start.finish,
    async flush() {
      await vitals?.flush();
      // Umami's requests wait their turn (sendInOrder): its drain waits for those too, then the transport's.
      await held?.transport.drain();
      await transport?.drain();
    },
    async stop() {
      start.cancel();
      for (const fn of undo.splice(0)) fn();
      umami?.stop();
      replay?.stop();
      vitals?.stop();
      const queued = vitals?.flush();
      transport?.close();
      await queued;
      await held?.transport.drain();
      await transport?.drain();
    },
  };
  return runtime;
}
