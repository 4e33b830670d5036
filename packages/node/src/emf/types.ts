/** CloudWatch's standard units (the EMF `Unit` field). Anything else is written as `None`. */
export const EMF_UNITS = [
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
] as const;

/** One metric of an {@link EmfInput}. */
export interface EmfMetric {
  /** 1–255 characters; becomes a root member of the document. */
  name: string;
  /** A CloudWatch unit (`Count`, `Milliseconds`, …); unknown units become `None`. */
  unit: string;
  /** One sample or many; arrays longer than 100 values are spread over several documents. */
  value: number | number[];
  /** 1 for high-resolution metrics. @default 60 */
  storageResolution?: 1 | 60;
}

/**
 * Everything one EMF emission needs. Several dimension sets may share the metrics; values of every key a
 * set names come from `dimensions`.
 * @example
 * { namespace: 'Shop', dimensionSets: [['service']], dimensions: { service: 'cart' },
 *   metrics: [{ name: 'ItemsAdded', unit: 'Count', value: 2 }] }
 */
export interface EmfInput {
  /** 1–255 characters. */
  namespace: string;
  /** Dimension key sets; sets over 30 keys are cut into 30-key sets. */
  dimensionSets: string[][];
  /** Values of the dimension keys. */
  dimensions: Record<string, string>;
  metrics: EmfMetric[];
  /** Extra root members (searchable in Logs Insights, not metrics). */
  properties?: Record<string, unknown>;
  /** Milliseconds since the epoch. @default Date.now() */
  timestamp?: number;
}
