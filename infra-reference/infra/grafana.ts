// Amazon Managed Grafana (AWS SSO login): CloudWatch, CloudWatch Logs and OpenSearch data sources (plus Athena over
// the Cost and Usage Report when `costReport` is set) and every generated dashboard in dashboards/*.json
// provisioned at deploy with @pulumiverse/grafana. Admin and viewer access through IAM Identity Center groups
// from config.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withConstants } from '../src/dashboards/with-constants';
import { athenaStatements } from './cost-report';
import { CLOUDWATCH_READ_ACTIONS } from './iam-actions';
import { type Ctx, scope } from './scope';
import { COMPONENT_TAGS } from './tags';

/** Data source uids the generated dashboards refer to. */
export const DATASOURCE_UIDS = {
  cloudwatch: 'cloudwatch',
  cloudwatchLogs: 'cloudwatch-logs',
  opensearch: 'opensearch-logs',
  athena: 'athena-cur',
} as const;

/** The dashboards to provision: every JSON file in `dir`, sorted (none when the folder is missing or empty). */
export function dashboardFiles(dir: string): { name: string; json: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), json: readFileSync(join(dir, f), 'utf8') }));
}

export function createGrafana(ctx: Ctx, deps: { logGroupNames: $util.Input<string>[] }) {
  const { cfg } = ctx;
  const parent = scope(ctx, 'Grafana', COMPONENT_TAGS.grafana);
  const account = aws.getCallerIdentityOutput({}, { parent }).accountId;
  const role = new aws.iam.Role(
    'GrafanaRole',
    {
      assumeRolePolicy: $jsonStringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'grafana.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': account } },
          },
        ],
      }),
      tags: { Resource: 'IAMRole' },
    },
    { parent },
  );
  new aws.iam.RolePolicy(
    'GrafanaRolePolicy',
    {
      role: role.id,
      policy: $jsonStringify({
        Version: '2012-10-17',
        Statement: [
          {
            // Read-only metric/alarm/log-query APIs; CloudWatch offers no resource-level permissions for these.
            Sid: 'CloudWatchRead',
            Effect: 'Allow',
            Action: CLOUDWATCH_READ_ACTIONS,
            Resource: '*',
          },
          {
            Sid: 'OpenSearchRead',
            Effect: 'Allow',
            Action: ['es:ESHttpGet', 'es:ESHttpPost', 'es:ESHttpHead'],
            Resource: [cfg.opensearch.domainArn, `${cfg.opensearch.domainArn}/*`],
          },
          ...(cfg.costReport ? athenaStatements(cfg.costReport, cfg.region, account) : []),
        ],
      }),
    },
    { parent },
  );
  const workspace = new aws.grafana.Workspace(
    'Grafana',
    {
      accountAccessType: 'CURRENT_ACCOUNT',
      authenticationProviders: ['AWS_SSO'],
      permissionType: 'CUSTOMER_MANAGED',
      roleArn: role.arn,
      dataSources: ['CLOUDWATCH', 'AMAZON_OPENSEARCH_SERVICE', ...(cfg.costReport ? ['ATHENA'] : [])],
      grafanaVersion: '10.4',
      description: `usermetrics ${cfg.stage}`,
    },
    { parent },
  );
  if (cfg.grafana.adminGroupIds.length) {
    new aws.grafana.RoleAssociation(
      'GrafanaAdmins',
      { workspaceId: workspace.id, role: 'ADMIN', groupIds: cfg.grafana.adminGroupIds },
      { parent },
    );
  }
  if (cfg.grafana.viewerGroupIds.length) {
    new aws.grafana.RoleAssociation(
      'GrafanaViewers',
      { workspaceId: workspace.id, role: 'VIEWER', groupIds: cfg.grafana.viewerGroupIds },
      { parent },
    );
  }

  // The provisioner: a workspace service account whose token the Grafana provider uses during the deploy.
  const account2 = new aws.grafana.WorkspaceServiceAccount(
    'GrafanaProvisioner',
    { workspaceId: workspace.id, name: 'usermetrics-provisioner', grafanaRole: 'ADMIN' },
    { parent },
  );
  const token = new aws.grafana.WorkspaceServiceAccountToken(
    'GrafanaProvisionerToken',
    {
      workspaceId: workspace.id,
      serviceAccountId: account2.serviceAccountId,
      name: 'usermetrics-deploy',
      secondsToLive: 2592000,
    },
    { parent },
  );
  const provider = new grafana.Provider(
    'GrafanaProvider',
    { url: $interpolate`https://${workspace.endpoint}`, auth: token.key },
    { parent },
  );
  const g = { parent, provider };

  new grafana.oss.DataSource(
    'CloudWatchDataSource',
    {
      name: 'CloudWatch',
      uid: DATASOURCE_UIDS.cloudwatch,
      type: 'cloudwatch',
      isDefault: true,
      jsonDataEncoded: JSON.stringify({ authType: 'ec2_iam_role', defaultRegion: cfg.region }),
    },
    g,
  );
  new grafana.oss.DataSource(
    'CloudWatchLogsDataSource',
    {
      name: 'CloudWatch Logs',
      uid: DATASOURCE_UIDS.cloudwatchLogs,
      type: 'cloudwatch',
      jsonDataEncoded: $jsonStringify({
        authType: 'ec2_iam_role',
        defaultRegion: cfg.region,
        logGroups: $output(deps.logGroupNames).apply((names) =>
          names.map((name) => ({ name, arn: undefined })),
        ),
      }),
    },
    g,
  );
  new grafana.oss.DataSource(
    'OpenSearchDataSource',
    {
      name: 'OpenSearch logs',
      uid: DATASOURCE_UIDS.opensearch,
      type: 'grafana-opensearch-datasource',
      url: cfg.opensearch.endpoint,
      jsonDataEncoded: JSON.stringify({
        sigV4Auth: true,
        sigV4AuthType: 'ec2_iam_role',
        sigV4Region: cfg.region,
        database: `${cfg.opensearch.indexPrefix}-*`,
        timeField: 'timestamp', // the forwarder's time field (functions/forwarder/to-document.ts)
        flavor: 'opensearch',
        version: '2.11.0',
      }),
    },
    g,
  );
  if (cfg.costReport) {
    const c = cfg.costReport;
    new grafana.oss.DataSource(
      'AthenaDataSource',
      {
        name: 'Athena (CUR)',
        uid: DATASOURCE_UIDS.athena,
        type: 'grafana-athena-datasource',
        jsonDataEncoded: JSON.stringify({
          authType: 'ec2_iam_role',
          defaultRegion: cfg.region,
          catalog: 'AwsDataCatalog',
          database: c.database,
          workgroup: c.workgroup,
          outputLocation: c.outputLocation,
        }),
      },
      g,
    );
  }
  // The Cost dashboard's hidden constants name the CUR database and table.
  const constants: Record<string, string> = cfg.costReport
    ? { curDatabase: cfg.costReport.database, curTable: cfg.costReport.table }
    : {};
  const folder = new grafana.oss.Folder('DashboardFolder', { title: 'UserMetrics', uid: 'usermetrics' }, g);
  const dashboards = dashboardFiles(join($cli.paths.root, 'dashboards')).map(
    ({ name, json }) =>
      new grafana.oss.Dashboard(
        `Dashboard-${name}`,
        { folder: folder.uid, configJson: withConstants(json, constants), overwrite: true },
        g,
      ),
  );
  return { workspace, role, dashboards };
}
