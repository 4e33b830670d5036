import { describe, expect, it } from 'vitest';
import { MAX_FRAMES, parseBrowserStack } from './parse-stack';

// Printed by the browsers for `onClick` → `handleClick` → `applyDiscount` in a production build.
const CHROME = `TypeError: Cannot read properties of undefined (reading 'total')
    at Os (https://app.example.com/assets/index-DxEv-Nbc.js:14:28580)
    at onClick (https://app.example.com/assets/index-DxEv-Nbc.js:14:29011)
    at async Promise.all (index 0)
    at https://app.example.com/assets/index-DxEv-Nbc.js:9:1502`;
const FIREFOX = `Os@https://app.example.com/assets/index-DxEv-Nbc.js:14:28580
onClick/<@https://app.example.com/assets/index-DxEv-Nbc.js:14:29011
@https://app.example.com/assets/index-DxEv-Nbc.js:9:1502`;
const SAFARI = `Os@https://app.example.com/assets/index-DxEv-Nbc.js:14:28580
onClick@https://app.example.com/assets/index-DxEv-Nbc.js:14:29011
[native code]
global code@https://app.example.com/assets/index-DxEv-Nbc.js:9:1502`;
const URL_ = 'https://app.example.com/assets/index-DxEv-Nbc.js';

describe('parseBrowserStack', () => {
  it('parses a Chrome stack, skipping the message line', () => {
    const frames = parseBrowserStack(CHROME);

    expect(frames[0]).toEqual({ url: URL_, line: 14, column: 28580, function: 'Os' });
    expect(frames[1]).toEqual({ url: URL_, line: 14, column: 29011, function: 'onClick' });
    expect(frames.at(-1)).toEqual({ url: URL_, line: 9, column: 1502 });
  });

  it('parses a Firefox stack, anonymous frames included', () => {
    const frames = parseBrowserStack(FIREFOX);

    expect(frames).toEqual([
      { url: URL_, line: 14, column: 28580, function: 'Os' },
      { url: URL_, line: 14, column: 29011, function: 'onClick/<' },
      { url: URL_, line: 9, column: 1502 },
    ]);
  });

  it('parses a Safari stack, dropping [native code] frames', () => {
    const frames = parseBrowserStack(SAFARI);

    expect(frames.map((f) => f.function)).toEqual(['Os', 'onClick', 'global code']);
    expect(frames[0]).toEqual({ url: URL_, line: 14, column: 28580, function: 'Os' });
  });

  it(`keeps at most ${MAX_FRAMES} frames of a deep stack`, () => {
    const deep = `RangeError: Maximum call stack size exceeded\n${'    at f (https://a.example/x.js:1:2)\n'.repeat(500)}`;

    expect(parseBrowserStack(deep)).toHaveLength(MAX_FRAMES);
  });

  it.each([[undefined], [''], ['just a message'], ['x'.repeat(20_000)]])('never throws (%#)', (stack) => {
    expect(() => parseBrowserStack(stack)).not.toThrow();
  });
});
