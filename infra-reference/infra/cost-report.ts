// Grafana's access to the Cost and Usage Report through Athena (`costReport` in config; infra/grafana.ts adds
// these statements to Grafana's role and creates the data source).
import { type CostReportConfig, s3Location } from './config';

/**
 * What Grafana's role may do for the Athena data source: run queries in one workgroup, read the CUR table's
 * metadata in Glue and its data in S3, and write results under one prefix. No `*` resource: the Athena actions
 * that only take `*` (ListWorkGroups, ListDataCatalogs) are left out, so the query editor's workgroup and
 * catalog pickers stay empty; the data source's configured workgroup and catalog are used.
 */
export function athenaStatements(c: CostReportConfig, region: string, account: $util.Input<string>) {
  const data = s3Location(c.dataLocation)!;
  const results = s3Location(c.outputLocation)!;
  const arn = (service: string, resource: string) =>
    $interpolate`arn:aws:${service}:${region}:${account}:${resource}`;
  return [
    {
      Sid: 'AthenaQueries',
      Effect: 'Allow',
      Action: [
        'athena:StartQueryExecution',
        'athena:GetQueryExecution',
        'athena:GetQueryResults',
        'athena:StopQueryExecution',
        'athena:GetWorkGroup',
      ],
      Resource: [arn('athena', `workgroup/${c.workgroup}`)],
    },
    {
      Sid: 'AthenaCatalog',
      Effect: 'Allow',
      Action: [
        'athena:GetDataCatalog',
        'athena:ListDatabases',
        'athena:GetDatabase',
        'athena:ListTableMetadata',
        'athena:GetTableMetadata',
      ],
      Resource: [arn('athena', 'datacatalog/AwsDataCatalog')],
    },
    {
      Sid: 'GlueCurTable',
      Effect: 'Allow',
      Action: [
        'glue:GetDatabase',
        'glue:GetDatabases',
        'glue:GetTable',
        'glue:GetTables',
        'glue:GetPartition',
        'glue:GetPartitions',
        'glue:BatchGetPartition',
      ],
      Resource: [
        arn('glue', 'catalog'),
        arn('glue', `database/${c.database}`),
        arn('glue', `table/${c.database}/${c.table}`),
      ],
    },
    {
      Sid: 'CurDataRead',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: [`arn:aws:s3:::${data.bucket}/${data.prefix}*`],
    },
    {
      Sid: 'CurBucketList',
      Effect: 'Allow',
      Action: ['s3:ListBucket', 's3:GetBucketLocation'],
      Resource: [`arn:aws:s3:::${data.bucket}`],
    },
    {
      Sid: 'AthenaResultsWrite',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      Resource: [`arn:aws:s3:::${results.bucket}/${results.prefix}*`],
    },
    {
      Sid: 'AthenaResultsBucket',
      Effect: 'Allow',
      Action: ['s3:ListBucket', 's3:GetBucketLocation', 's3:ListBucketMultipartUploads'],
      Resource: [`arn:aws:s3:::${results.bucket}`],
    },
  ];
}
