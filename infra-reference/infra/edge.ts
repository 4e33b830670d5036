// The per-IP rate limit the reference asks for (about 1 000 requests/minute per IP). HTTP APIs cannot take an AWS
// WAF web ACL, so the ingestion API gets a CloudFront distribution in front with a WAF rate-based rule
// (per IP, 5-minute window) answering 429; caching is off and every viewer header but Host is forwarded, so the
// handlers see the same requests (Origin included). The browser SDK's endpoint is the CloudFront URL.
// The API's own execute-api URL would bypass all that: CloudFront adds a secret origin header that the ingestion
// Lambdas check (handlers/edge-only.ts; they get only its SHA-256), so a direct call gets 403.
import { createHash } from 'node:crypto';
import { ORIGIN_VERIFY_HEADER } from '../handlers/edge-only';
import { type Ctx, scope } from './scope';
import { COMPONENT_TAGS } from './tags';

/** AWS-managed CloudFront policies: CachingDisabled and AllViewerExceptHostHeader. */
export const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
export const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/**
 * The value CloudFront sends to the origin in `x-usermetrics-origin-verify`: random, generated in the stack (in
 * Pulumi state as a secret, nowhere in code or config). The Lambdas get only its SHA-256, which is not secret (a
 * 48-character random value cannot be found from it), hence unsecret so SST shows the environment.
 */
export function createOriginVerify(ctx: Ctx) {
  const parent = scope(ctx, 'IngestionOriginVerify', COMPONENT_TAGS.ingestionApi);
  const value = new random.RandomPassword(
    'IngestionOriginVerify',
    { length: 48, special: false },
    { parent },
  );
  const sha256 = $util.unsecret(
    value.result.apply((v) => createHash('sha256').update(v, 'utf8').digest('hex')),
  );
  return { value: value.result, sha256 };
}
export type OriginVerify = ReturnType<typeof createOriginVerify>;

export function createEdge(ctx: Ctx, api: sst.aws.ApiGatewayV2, originVerify: OriginVerify) {
  const { cfg } = ctx;
  const parent = scope(ctx, 'IngestionEdge', COMPONENT_TAGS.ingestionApi);
  // CLOUDFRONT-scoped web ACLs live in us-east-1 whatever the stack's region.
  const provider =
    cfg.region === 'us-east-1'
      ? undefined
      : new aws.Provider('UsEast1', { region: 'us-east-1', defaultTags: { tags: ctx.base } }, { parent });
  const visibility = (metricName: string) => ({
    cloudwatchMetricsEnabled: true,
    sampledRequestsEnabled: true,
    metricName,
  });
  const acl = new aws.wafv2.WebAcl(
    'IngestionWebAcl',
    {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rules: [
        {
          name: 'per-ip-rate-limit',
          priority: 0,
          action: { block: { customResponse: { responseCode: 429 } } },
          statement: {
            rateBasedStatement: {
              limit: cfg.perIpRequestsPer5Min,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
            },
          },
          visibilityConfig: visibility(`usermetrics-${cfg.stage}-per-ip`),
        },
      ],
      visibilityConfig: visibility(`usermetrics-${cfg.stage}-ingestion`),
    },
    { parent, provider },
  );
  const apiHost = api.url.apply((u) => new URL(u).host);
  const distribution = new aws.cloudfront.Distribution(
    'IngestionCdn',
    {
      enabled: true,
      comment: `usermetrics ${cfg.stage} ingestion`,
      webAclId: acl.arn,
      priceClass: 'PriceClass_100',
      origins: [
        {
          originId: 'ingestion-api',
          domainName: apiHost,
          // CloudFront overwrites a viewer's header of the same name, so a client cannot supply its own.
          customHeaders: [{ name: ORIGIN_VERIFY_HEADER, value: originVerify.value }],
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: 'https-only',
            originSslProtocols: ['TLSv1.2'],
          },
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: 'ingestion-api',
        viewerProtocolPolicy: 'https-only',
        allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
        cachedMethods: ['GET', 'HEAD'],
        cachePolicyId: CACHING_DISABLED,
        originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
        compress: false,
      },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: { cloudfrontDefaultCertificate: true },
    },
    { parent },
  );
  return { acl, distribution, url: $interpolate`https://${distribution.domainName}` };
}
