import Ajv from 'ajv';
import { expect } from 'vitest';

/**
 * JSON Schema of a CloudWatch Embedded Metric Format document, after the AWS specification
 * ("Specification: Embedded metric format", CloudWatch User Guide). The cross-member rules the schema
 * language cannot express (every dimension key and metric name is a root member; values are numbers or
 * arrays of ≤ 100 numbers) are checked in {@link validateEmfLine}.
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
          items: {
            type: 'object',
            required: ['Namespace', 'Dimensions', 'Metrics'],
            properties: {
              Namespace: { type: 'string', minLength: 1, maxLength: 255, pattern: '.*[^\\s].*' },
              Dimensions: {
                type: 'array',
                items: {
                  type: 'array',
                  maxItems: 30,
                  uniqueItems: true,
                  items: { type: 'string', minLength: 1, maxLength: 255 },
                },
              },
              Metrics: {
                type: 'array',
                maxItems: 100,
                items: {
                  type: 'object',
                  required: ['Name'],
                  additionalProperties: false,
                  properties: {
                    Name: { type: 'string', minLength: 1, maxLength: 255 },
                    Unit: {
                      type: 'string',
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
                    StorageResolution: { type: 'integer', enum: [1, 60] },
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

const ajv = new Ajv({ allErrors: true });
const validateDoc = ajv.compile(emfSchema);

/** Every problem of one EMF line (empty when valid): schema errors plus the cross-member rules. */
export function validateEmfLine(line: string): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (e) {
    return [`not JSON: ${(e as Error).message}`];
  }
  if (!validateDoc(doc)) return (validateDoc.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const root = doc as Record<string, unknown> & {
    _aws: { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  };
  const errors: string[] = [];
  for (const directive of root._aws.CloudWatchMetrics) {
    for (const set of directive.Dimensions) {
      for (const key of set) {
        if (typeof root[key] !== 'string') errors.push(`dimension ${key} is not a string root member`);
      }
    }
    const names = new Set<string>();
    for (const { Name } of directive.Metrics) {
      if (names.has(Name)) errors.push(`metric ${Name} appears twice in one directive`);
      names.add(Name);
      const v = root[Name];
      const ok =
        (typeof v === 'number' && Number.isFinite(v)) ||
        (Array.isArray(v) &&
          v.length > 0 &&
          v.length <= 100 &&
          v.every((x) => typeof x === 'number' && Number.isFinite(x)));
      if (!ok) errors.push(`metric ${Name} has no numeric root member (got ${JSON.stringify(v)})`);
    }
  }
  return errors;
}

/** Asserts that one line is a valid EMF document and returns it parsed. */
export function expectValidEmf(line: string): Record<string, unknown> {
  expect(validateEmfLine(line), line).toEqual([]);
  return JSON.parse(line) as Record<string, unknown>;
}

/** True for lines that claim to be EMF (have an `_aws` member); used to pick EMF out of mixed stdout. */
export function isEmfLine(line: string): boolean {
  return line.includes('"_aws"');
}
