import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import {
  type BucketAggregation,
  CountBuilder,
  DataqueryBuilder,
  DateHistogramBuilder,
  LogsBuilder,
  MaxBuilder,
  type MetricAggregation,
  PercentilesBuilder,
  TermsBuilder,
  TermsOrder,
  UniqueCountBuilder,
} from '@grafana/grafana-foundation-sdk/elasticsearch';
import { datasourceRef } from './datasources';

/** The forwarder's time field (functions/forwarder/to-document.ts); the index template maps it as a date. */
export const TIME_FIELD = 'timestamp';

/**
 * The SDK's metric builders leave `type` as "unknown" (the OpenSearch/Elasticsearch schema types it loosely),
 * so each aggregation states its type here.
 */
function typed(type: string, builder: Builder<object>): Builder<MetricAggregation> {
  return { build: () => ({ ...builder.build(), type }) as MetricAggregation };
}

/** Aggregations over the forwarded log documents, with ids so terms can be ordered by a metric. */
export const agg = {
  count: (id = '1') => typed('count', new CountBuilder().id(id)),
  max: (field: string, id: string) => typed('max', new MaxBuilder().id(id).field(field)),
  uniqueCount: (field: string, id: string) =>
    typed('cardinality', new UniqueCountBuilder().id(id).field(field)),
  percentiles: (field: string, id: string, percents: string[]) =>
    typed('percentiles', new PercentilesBuilder().id(id).field(field).settings({ percents })),
  logs: () => typed('logs', new LogsBuilder().id('1')),
  terms: (
    field: string,
    id: string,
    size: number,
    orderBy = '_count',
    missing?: string,
  ): Builder<BucketAggregation> =>
    new TermsBuilder()
      .id(id)
      .field(field)
      .settings({
        size: String(size),
        order: TermsOrder.Desc,
        orderBy,
        min_doc_count: '1',
        ...(missing !== undefined ? { missing } : {}),
      }),
  overTime: (id: string): Builder<BucketAggregation> =>
    new DateHistogramBuilder()
      .id(id)
      .field(TIME_FIELD)
      .settings({ interval: 'auto', min_doc_count: '0', trimEdges: '0' }),
};

/**
 * The OpenSearch plugin's query also says which Lucene editor mode it is (`luceneQueryType`), a field the
 * SDK's Elasticsearch-shaped builder lacks: `Logs` for a log list, `Metric` for aggregations.
 */
class OpenSearchQueryBuilder extends DataqueryBuilder {
  constructor(private readonly luceneQueryType: 'Metric' | 'Logs') {
    super();
  }

  override build(): ReturnType<DataqueryBuilder['build']> {
    return { ...super.build(), luceneQueryType: this.luceneQueryType } as ReturnType<
      DataqueryBuilder['build']
    >;
  }
}

/** A Lucene query against the OpenSearch data source of the dashboard's `${opensearch}` variable. */
export function openSearchQuery(
  lucene: string,
  metrics: Builder<MetricAggregation>[],
  bucketAggs: Builder<BucketAggregation>[] = [],
): DataqueryBuilder {
  const isLogs = metrics.some((m) => m.build().type === 'logs');
  return new OpenSearchQueryBuilder(isLogs ? 'Logs' : 'Metric')
    .datasource(datasourceRef('opensearch'))
    .queryType('lucene')
    .timeField(TIME_FIELD)
    .query(lucene)
    .metrics(metrics)
    .bucketAggs(bucketAggs)
    .refId('A');
}
