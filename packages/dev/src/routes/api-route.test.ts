import { describe, expect, it } from 'vitest';
import { matchApiRoute } from './api-route';

describe('matchApiRoute', () => {
  it('matches an exact path and method only', () => {
    expect(matchApiRoute({ method: 'GET', path: '/api/hello' }, 'GET', '/api/hello')).toEqual({});
    expect(matchApiRoute({ method: 'GET', path: '/api/hello' }, 'POST', '/api/hello')).toBeUndefined();
    expect(matchApiRoute({ method: 'GET', path: '/api/hello' }, 'GET', '/api/hello/x')).toBeUndefined();
    expect(matchApiRoute({ method: 'GET', path: '/api/hello' }, 'GET', '/api')).toBeUndefined();
  });

  it('reads {param} segments into path parameters', () => {
    expect(
      matchApiRoute({ method: 'GET', path: '/users/{id}/orders/{orderId}' }, 'GET', '/users/42/orders/7'),
    ).toEqual({ id: '42', orderId: '7' });
    expect(matchApiRoute({ method: 'GET', path: '/users/{id}' }, 'GET', '/users/')).toBeUndefined();
  });

  it('lets a trailing {proxy+} take the rest of the path, and ANY every method', () => {
    expect(matchApiRoute({ method: 'ANY', path: '/files/{proxy+}' }, 'DELETE', '/files/a/b.txt')).toEqual({
      proxy: 'a/b.txt',
    });
    expect(matchApiRoute({ method: 'ANY', path: '/files/{proxy+}' }, 'GET', '/files/')).toBeUndefined();
  });
});
