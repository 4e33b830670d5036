import { describe, expect, it } from 'vitest';
import { enclosingFunctionName } from './enclosing-function-name';

const source = `import { useState } from 'react';

function Bomb(): never {
  throw new TypeError('boom');
}

export const handleClick = async (event: MouseEvent) => {
  if (event) {
    report(event);
  }
};

class Cart {
  private total(items: number[]): number {
    return items.length;
  }
}
`.split('\n');

describe('enclosingFunctionName', () => {
  it.each([
    ['a function declaration (a React component)', 4, 3, 'Bomb'],
    ['an arrow function assigned to a const, past an if', 9, 5, 'handleClick'],
    ['a class method with modifiers', 15, 5, 'total'],
  ])('names %s', (_, line, column, name) => {
    expect(enclosingFunctionName(source, line, column)).toBe(name);
  });

  it('finds nothing in top-level code above every declaration', () => {
    expect(enclosingFunctionName(source, 1, 5)).toBeUndefined();
  });
});
