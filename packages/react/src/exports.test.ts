import { describe, expect, it } from 'vitest';

describe('export surface', () => {
  it('main entry', async () => {
    expect(Object.keys(await import('./index')).sort()).toMatchSnapshot();
  });
  it('router entry', async () => {
    expect(Object.keys(await import('./router')).sort()).toMatchSnapshot();
  });
});
