import { describe, expect, it } from 'vitest';
import { hrefs, parseRoute } from './route';

describe('parseRoute', () => {
  it.each([
    ['', { page: 'containers' }],
    ['#/', { page: 'containers' }],
    ['#/containers', { page: 'containers' }],
    ['#/containers/', { page: 'containers' }],
    ['#/containers/abc123', { page: 'container', id: 'abc123', tab: 'overview' }],
    ['#/containers/abc123/inspect', { page: 'container', id: 'abc123', tab: 'inspect' }],
    ['#/images', { page: 'not-found', hash: '#/images' }],
    ['#/containers/a/b', { page: 'not-found', hash: '#/containers/a/b' }],
  ])('%s', (hash, expected) => expect(parseRoute(hash)).toEqual(expected));

  it('round-trips hrefs', () => {
    expect(parseRoute(hrefs.container('web-1', 'inspect'))).toEqual({ page: 'container', id: 'web-1', tab: 'inspect' });
    expect(parseRoute(hrefs.containers())).toEqual({ page: 'containers' });
  });
});
