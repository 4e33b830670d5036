import { expectValidEmf } from '@usermetrics/test-support/emf-schema';
import { describe, expect, it } from 'vitest';
import { compileEmf, type EmfTemplate } from './compile-emf';
import { serializeEmf } from './serialize-emf';

const template: EmfTemplate = {
  namespace: 'Shop',
  dimensionSets: [['service', 'region', 'tier']],
  dimensions: { service: 'cart', region: 'eu-west-1', tier: 'gold "vip"' },
  metrics: [
    { name: 'ItemsAdded', unit: 'Count' },
    { name: 'Latency', unit: 'Milliseconds', storageResolution: 1 },
    { name: 'Odd "name"', unit: 'None' },
  ],
  properties: { build: '1.2.3' },
};

describe('compileEmf', () => {
  it('renders what serializeEmf renders for the same values, valid EMF', () => {
    const render = compileEmf(template);
    for (const values of [
      [1, 2.5, 3],
      [0, -1, 1e21],
      [42, 0.1 + 0.2, 7],
    ]) {
      const line = render(values, 1_795_748_400_000);
      const expected = serializeEmf({
        ...template,
        metrics: template.metrics.map((m, i) => ({ ...m, value: values[i] as number })),
        timestamp: 1_795_748_400_000,
      });
      expect(line.endsWith('}\n')).toBe(true);
      expect(JSON.parse(line)).toEqual(JSON.parse(expected[0] as string));
      expectValidEmf(line);
    }
  });

  it('falls back to serializeEmf for values it cannot inline, staying valid', () => {
    const render = compileEmf(template);
    const withNaN = render([1, Number.NaN, 3], 1_795_748_400_000);
    expect(expectValidEmf(withNaN)).not.toHaveProperty('Latency');
    const lines = render([1, Array.from({ length: 150 }, (_, i) => i), 3], 1)
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expectValidEmf(l);
    expect(render([1, 2], 1)).toBe(
      serializeEmf({
        ...template,
        metrics: [
          { name: 'ItemsAdded', unit: 'Count', value: 1 },
          { name: 'Latency', unit: 'Milliseconds', storageResolution: 1, value: 2 },
        ],
        timestamp: 1,
      }).join(''),
    );
  });

  it('handles a template that itself needs splitting through the general path', () => {
    const wide = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`d${i}`, 'v']));
    const render = compileEmf({ ...template, dimensionSets: [Object.keys(wide)], dimensions: wide });
    const lines = render([1, 2, 3], 5).trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expectValidEmf(l);
  });
});
