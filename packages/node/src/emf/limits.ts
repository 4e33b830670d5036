import { LIMITS } from '@usermetrics/core';
import { EMF_UNITS } from './types';

/**
 * The EMF limits and validity rules, in one place (#13): every serializer, the user-metrics buffer and the
 * option resolvers read them from here. Metric and dimension counts per document come from core's `LIMITS`
 * (the browser needs them too).
 */
export const EMF_LIMITS = {
  /** Namespace, metric name and dimension key length. */
  maxName: 255,
  /** Dimension value length. */
  maxDimensionValue: 1024,
  /** aws-embedded-metrics refuses longer dimension keys (it throws), so user metrics do too. */
  maxDimensionKey: 250,
  /** Metrics per document, and values per metric in one document. */
  maxMetrics: LIMITS.emfMaxMetrics,
  /** Distinct dimension keys per document. */
  maxDimensions: LIMITS.emfMaxDimensions,
} as const;

/** The CloudWatch units, as a set; anything else is written as `None`. */
export const EMF_UNIT_SET: ReadonlySet<string> = new Set(EMF_UNITS);

/** A namespace, metric name or dimension key: 1–255 characters and not the reserved `_aws`. */
export function isEmfName(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= EMF_LIMITS.maxName && value !== '_aws'
  );
}

/** A dimension value: 1–1024 characters. */
export function isEmfDimensionValue(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= EMF_LIMITS.maxDimensionValue;
}
