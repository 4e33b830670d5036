import { describe, expect, it } from 'vitest';
import { mapPathsFor } from './create-map-loader';

describe('mapPathsFor', () => {
  it('maps a bundle URL to its map path, then to shorter suffixes for sites under a base path', () => {
    expect(mapPathsFor('1.2.3', 'https://app.example.com/shop/assets/index-abc.js?v=2')).toEqual([
      'shop/assets/index-abc.js.map',
      'assets/index-abc.js.map',
      'index-abc.js.map',
    ]);
  });

  it('keeps an encoded traversal inside the release folder (the URL parser resolves it first)', () => {
    expect(mapPathsFor('1.0.0', 'https://a.example/%2e%2e/%2e%2e/x.js')).toEqual(['x.js.map']);
  });

  it.each([
    ['a release with a slash', '../../etc', 'https://a.example/x.js'],
    ['a release of dots', '..', 'https://a.example/x.js'],
    ['an encoded slash', '1.0.0', 'https://a.example/a%2F..%2Fx.js'],
    ['a non-http script', '1.0.0', 'blob:https://a.example/1234'],
    ['no URL at all', '1.0.0', '<anonymous>'],
  ])('refuses %s', (_, release, url) => {
    expect(mapPathsFor(release, url)).toEqual([]);
  });
});
