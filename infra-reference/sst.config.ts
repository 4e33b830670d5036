/// <reference path="./.sst/platform/config.d.ts" />
// The usermetrics reference deployment. Stages: dev, staging, prod (any other name gets dev's config). Every
// stage-dependent value is in infra/config.ts; one file per component in infra/. `npm run synth` runs this file
// offline under Pulumi mocks (scripts/synth.mjs).
export default $config({
  async app(input) {
    const { resolveConfig } = await import('./infra/config');
    const { baseTags } = await import('./infra/tags');
    const cfg = resolveConfig(input?.stage ?? 'dev');
    return {
      name: 'usermetrics',
      removal: input?.stage === 'prod' ? 'retain' : 'remove',
      protect: input?.stage === 'prod',
      home: 'aws',
      providers: {
        // Base tags on every taggable resource straight from AWS; components add Component/Function/DataType.
        aws: {
          version: '7.20.0',
          region: cfg.region as 'us-east-1',
          defaultTags: { tags: baseTags(cfg.stage, cfg.owner) },
        },
        grafana: '2.40.0',
        // The CloudFront → API origin secret (infra/edge.ts); the version SST's own components use.
        random: '4.16.6',
      },
    };
  },
  async run() {
    const { resolveConfig } = await import('./infra/config');
    const { makeCtx } = await import('./infra/scope');
    const { deferred } = await import('./infra/deferred');
    const { createNetwork } = await import('./infra/network');
    const { createLogExportBucket, createReplayBucket, createSourcemapBucket } = await import(
      './infra/storage'
    );
    const { createIngestion } = await import('./infra/ingestion');
    const { createCluster, createUmami, createOpenReplay } = await import('./infra/services');
    const { createGrafana } = await import('./infra/grafana');
    const { createAlarms, createBudget } = await import('./infra/alarms');
    const { createLogExport, createLogForwarding } = await import('./infra/logs');
    const { createEdge, createOriginVerify } = await import('./infra/edge');

    const ctx = makeCtx(resolveConfig($app.stage));

    // Phase 1, foundation: network and storage. The buckets admit exactly one role each; those roles are created
    // with the services below, so their ARNs are filled in once known (a bucket-policy condition, no cycle).
    const network = createNetwork(ctx);
    const openReplayRole = deferred<string>();
    const errorLambdaRole = deferred<string>();
    const replayBucket = createReplayBucket(ctx, openReplayRole.output);
    const sourcemapBucket = createSourcemapBucket(ctx, errorLambdaRole.output);

    // Phase 3, instrumentation: the ingestion API, answering only through CloudFront + WAF (infra/edge.ts).
    const originVerify = createOriginVerify(ctx);
    const ingestion = createIngestion(ctx, { sourcemapBucket, originVerifySha256: originVerify.sha256 });
    errorLambdaRole.resolveFrom(ingestion.errors.nodes.role.arn);
    const edge = createEdge(ctx, ingestion.api, originVerify);

    // Logs of the instrumented functions → OpenSearch (the forwarder's own group is never subscribed).
    const logGroupName = (fn: sst.aws.Function) => fn.nodes.logGroup.apply((lg) => lg!.name);
    const forwarding = createLogForwarding(ctx, {
      ownLogGroups: [
        { key: 'WebVitals', name: logGroupName(ingestion.webVitals) },
        { key: 'ErrorReport', name: logGroupName(ingestion.errors) },
      ],
    });
    if (ctx.cfg.logExport) {
      // Prod: the same groups plus the API access log also go to S3 for the long term.
      const firehoseRole = deferred<string>();
      const bucket = createLogExportBucket(ctx, firehoseRole.output);
      const accessLog = $output(ingestion.api.nodes.logGroup).apply((g) => g!.name);
      const exported = createLogExport(ctx, {
        logGroups: [...forwarding.groups, { key: 'IngestionApiAccessLog', name: accessLog }],
        bucket,
      });
      firehoseRole.resolveFrom(exported.firehoseRole.arn);
    }

    // Phase 4, self-hosted tools.
    const cluster = createCluster(ctx, network);
    const umami = ctx.cfg.aurora ? createUmami(ctx, cluster, network) : undefined;
    const openreplay = createOpenReplay(ctx, cluster, { replayBucket, network });
    openReplayRole.resolveFrom(openreplay.service.nodes.taskRole.arn);

    // Phase 2, Grafana and alarms (they need the names of what they watch).
    const grafanaWs = createGrafana(ctx, {
      logGroupNames: [ingestion.webVitals.nodes.logGroup, ingestion.errors.nodes.logGroup].map((g) =>
        g.apply((lg) => lg!.name),
      ),
    });
    const { topic } = createAlarms(ctx, {
      functions: [
        { label: 'WebVitals', fn: ingestion.webVitals },
        { label: 'ErrorReport', fn: ingestion.errors },
      ],
      mustSucceed: umami ? [{ label: 'UmamiRedeploy', fn: umami.redeploy.fn }] : [],
      services: [
        ...(umami ? [{ label: 'Umami', service: umami.service, targetGroups: umami.targetGroups }] : []),
        { label: 'OpenReplay', service: openreplay.service, targetGroups: openreplay.targetGroups },
      ],
    });
    const budget = createBudget(ctx, topic);

    // Written by `sst deploy` to .sst/outputs.json; the runbook (README) reads every value it needs from there.
    return {
      api: edge.url,
      apiOrigin: ingestion.api.url,
      region: ctx.cfg.region,
      grafana: grafanaWs.workspace.endpoint,
      grafanaWorkspaceId: grafanaWs.workspace.id,
      umami: umami?.service.url,
      cluster: cluster.nodes.cluster.name,
      umamiDatabaseSecret: umami?.dbSecret.arn,
      umamiAppSecret: umami?.appSecret.arn,
      openreplay: openreplay.service.url,
      openReplayPostgresString: openreplay.postgres.arn,
      replayBucket: replayBucket.name,
      sourcemapBucket: sourcemapBucket.name,
      webVitalsLogGroup: logGroupName(ingestion.webVitals),
      appOrigins: ctx.cfg.corsOrigins.join(','),
      aurora: ctx.cfg.aurora
        ? { endpoint: ctx.cfg.aurora.endpoint, port: ctx.cfg.aurora.port, database: ctx.cfg.aurora.database }
        : undefined,
      opensearchEndpoint: ctx.cfg.opensearch.endpoint,
      opensearchIndexPrefix: ctx.cfg.opensearch.indexPrefix,
      logForwarderFailures: forwarding.failures.url,
      budgetName: budget.name,
    };
  },
});
