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
    ['#/images', { page: 'images' }],
    ['#/build', { page: 'build' }],
    ['#/images/sha256%3Aabc/layers', { page: 'image', id: 'sha256:abc', tab: 'layers' }],
    ['#/images/abc', { page: 'image', id: 'abc', tab: 'overview' }],
    ['#/images/abc/nope', { page: 'not-found', hash: '#/images/abc/nope' }],
    ['#/containers/abc123/changes', { page: 'container', id: 'abc123', tab: 'changes' }],
    ['#/settings', { page: 'settings' }],
    ['#/registries', { page: 'registries' }],
    ['#/containers/a/b', { page: 'not-found', hash: '#/containers/a/b' }],
    ['#/containers/abc123/logs', { page: 'container', id: 'abc123', tab: 'logs' }],
    ['#/projects/my%20app/logs', { page: 'project-logs', project: 'my app' }],
    ['#/containers/abc123/files', { page: 'container', id: 'abc123', tab: 'files' }],
    ['#/volumes', { page: 'volumes' }],
    ['#/volumes/pgdata', { page: 'volume', name: 'pgdata', tab: 'overview' }],
    ['#/volumes/pgdata/files', { page: 'volume', name: 'pgdata', tab: 'files' }],
    ['#/volumes/pgdata/nope', { page: 'not-found', hash: '#/volumes/pgdata/nope' }],
    ['#/disk-usage', { page: 'disk-usage' }],
    ['#/networks', { page: 'networks' }],
    ['#/networks/app%20net', { page: 'network', id: 'app net' }],
    ['#/networks/a/b', { page: 'not-found', hash: '#/networks/a/b' }],
    ['#/activity', { page: 'activity' }],
  ])('%s', (hash, expected) => expect(parseRoute(hash)).toEqual(expected));

  it('round-trips hrefs', () => {
    expect(parseRoute(hrefs.container('web-1', 'inspect'))).toEqual({ page: 'container', id: 'web-1', tab: 'inspect' });
    expect(parseRoute(hrefs.containers())).toEqual({ page: 'containers' });
    expect(parseRoute(hrefs.image('sha256:0f', 'inspect'))).toEqual({ page: 'image', id: 'sha256:0f', tab: 'inspect' });
    expect(parseRoute(hrefs.images())).toEqual({ page: 'images' });
    expect(parseRoute(hrefs.build())).toEqual({ page: 'build' });
    expect(parseRoute(hrefs.volume('my.vol', 'files'))).toEqual({ page: 'volume', name: 'my.vol', tab: 'files' });
    expect(parseRoute(hrefs.diskUsage())).toEqual({ page: 'disk-usage' });
    expect(parseRoute(hrefs.container('web-1', 'changes'))).toEqual({ page: 'container', id: 'web-1', tab: 'changes' });
    expect(parseRoute(hrefs.settings())).toEqual({ page: 'settings' });
    expect(parseRoute(hrefs.registries())).toEqual({ page: 'registries' });
    expect(parseRoute(hrefs.projectLogs('shop_v2'))).toEqual({ page: 'project-logs', project: 'shop_v2' });
    expect(parseRoute(hrefs.container('web-1', 'logs'))).toEqual({ page: 'container', id: 'web-1', tab: 'logs' });
    expect(parseRoute(hrefs.networks())).toEqual({ page: 'networks' });
    expect(parseRoute(hrefs.network('n/1'))).toEqual({ page: 'network', id: 'n/1' });
    expect(parseRoute(hrefs.activity())).toEqual({ page: 'activity' });
  });
});
