import { describe, expect, it } from 'vitest';
import { collectStdout } from '../../test/ingestion/fixtures';
import { createOutputBudget, OUTPUT_BASE_BYTES, OUTPUT_BYTES_PER_BODY_BYTE } from './output-budget';

describe('createOutputBudget', () => {
  it('writes lines while they fit the request budget and drops the ones that do not, counting them', () => {
    const out = collectStdout();
    const budget = createOutputBudget(() => out);
    const budgetBytes = OUTPUT_BASE_BYTES + OUTPUT_BYTES_PER_BODY_BYTE * 10;

    budget.begin(10);
    budget.sink.write(`${'a'.repeat(budgetBytes - 100)}\n`);
    budget.sink.write(`${'é'.repeat(60)}\n`); // 121 bytes: over what is left
    budget.sink.write(`${'b'.repeat(98)}\n`); // exactly what is left
    const dropped = budget.end();

    expect(out.lines().map((l) => l[0])).toEqual(['a', 'b']);
    expect(dropped).toEqual({ lines: 1, bytes: 121 });
  });

  it('does not limit writes between requests', () => {
    const out = collectStdout();
    const budget = createOutputBudget(() => out);
    budget.begin(0);
    budget.end();

    budget.sink.write(`${'x'.repeat(1_000_000)}\n`);

    expect(out.lines()).toHaveLength(1);
  });
});
