/**
 * JSON schema of a CloudWatch Embedded Metric Format document (the published EMF specification): `_aws` with
 * a millisecond `Timestamp` and `CloudWatchMetrics` directives of `Namespace`, `Dimensions` (arrays of up to 30
 * keys) and `Metrics` (up to 100 `{Name, Unit?, StorageResolution?}`).
 *
 * Deliberately a copy, kept small, of what packages/node's tests validate against: test folders of two
 * packages cannot import each other cleanly, and this one checks what the collector received, not what a
 * package intended to write. The cross-field rules (every dimension key and metric name present as a
 * top-level member) are checked in code by {@link emfMembersPresent}.
 */
export const emfSchema = {
  type: 'object',
  required: ['_aws'],
  properties: {
    _aws: {
      type: 'object',
      required: ['Timestamp', 'CloudWatchMetrics'],
      properties: {
        Timestamp: { type: 'integer', minimum: 0 },
        CloudWatchMetrics: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['Namespace', 'Dimensions', 'Metrics'],
            properties: {
              Namespace: { type: 'string', minLength: 1, maxLength: 1024 },
              Dimensions: {
                type: 'array',
                items: {
                  type: 'array',
                  maxItems: 30,
                  items: { type: 'string', minLength: 1, maxLength: 250 },
                },
              },
              Metrics: {
                type: 'array',
                maxItems: 100,
                items: {
                  type: 'object',
                  required: ['Name'],
                  properties: {
                    Name: { type: 'string', minLength: 1, maxLength: 1024 },
                    Unit: {
                      enum: [
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
                      ],
                    },
                    StorageResolution: { enum: [1, 60] },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** Every dimension key and metric name a directive references must be a top-level member (numbers for metrics). */
export function emfMembersPresent(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const directives = (
    doc._aws as { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string }[] }[] }
  ).CloudWatchMetrics;
  for (const d of directives) {
    for (const key of d.Dimensions.flat())
      if (typeof doc[key] !== 'string') problems.push(`dimension ${key} missing`);
    for (const m of d.Metrics) {
      const v = doc[m.Name];
      const ok = typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'number'));
      if (!ok) problems.push(`metric ${m.Name} has no numeric value`);
    }
  }
  return problems;
}
