export type DetailsTab = 'overview' | 'inspect' | 'changes' | 'terminal' | 'logs' | 'stats' | 'files';
export type ImageTab = 'overview' | 'layers' | 'inspect';
export type VolumeTab = 'overview' | 'files';

export type Route =
  | { page: 'containers' }
  | { page: 'container'; id: string; tab: DetailsTab }
  | { page: 'project-logs'; project: string }
  | { page: 'settings' }
  | { page: 'registries' }
  | { page: 'images' }
  | { page: 'build' }
  | { page: 'image'; id: string; tab: ImageTab }
  | { page: 'volumes' }
  | { page: 'volume'; name: string; tab: VolumeTab }
  | { page: 'disk-usage' }
  | { page: 'networks' }
  | { page: 'network'; id: string }
  | { page: 'activity' }
  | { page: 'not-found'; hash: string };

/** Reads "#/containers", "#/containers/<id>" and "#/containers/<id>/inspect"; empty goes to the list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/' || path === '/containers') return { page: 'containers' };
  if (path === '/settings') return { page: 'settings' };
  if (path === '/registries') return { page: 'registries' };
  if (path === '/images') return { page: 'images' };
  if (path === '/build') return { page: 'build' };
  if (path === '/volumes') return { page: 'volumes' };
  if (path === '/disk-usage') return { page: 'disk-usage' };
  const vm = /^\/volumes\/([^/]+)(?:\/(overview|files))?$/.exec(path);
  if (vm) {
    try {
      return { page: 'volume', name: decodeURIComponent(vm[1]!), tab: (vm[2] as VolumeTab | undefined) ?? 'overview' };
    } catch {
      return { page: 'not-found', hash };
    }
  }
  if (path === '/networks') return { page: 'networks' };
  if (path === '/activity') return { page: 'activity' };
  const net = /^\/networks\/([^/]+)$/.exec(path);
  if (net) {
    try {
      return { page: 'network', id: decodeURIComponent(net[1]!) };
    } catch {
      return { page: 'not-found', hash };
    }
  }
  const im = /^\/images\/([^/]+)(?:\/(overview|layers|inspect))?$/.exec(path);
  if (im) {
    try {
      return { page: 'image', id: decodeURIComponent(im[1]!), tab: (im[2] as ImageTab | undefined) ?? 'overview' };
    } catch {
      return { page: 'not-found', hash };
    }
  }
  const pl = /^\/projects\/([^/]+)\/logs$/.exec(path);
  if (pl) {
    try {
      return { page: 'project-logs', project: decodeURIComponent(pl[1]!) };
    } catch {
      return { page: 'not-found', hash };
    }
  }
  const m = /^\/containers\/([^/]+)(?:\/(inspect|overview|changes|terminal|logs|stats|files))?$/.exec(path);
  if (m) {
    let id: string;
    try {
      id = decodeURIComponent(m[1]!);
    } catch {
      return { page: 'not-found', hash };
    }
    return { page: 'container', id, tab: (m[2] as DetailsTab | undefined) ?? 'overview' };
  }
  return { page: 'not-found', hash };
}

export const hrefs = {
  containers: () => '#/containers',
  settings: () => '#/settings',
  registries: () => '#/registries',
  container: (id: string, tab: DetailsTab = 'overview') =>
    `#/containers/${encodeURIComponent(id)}${tab === 'overview' ? '' : `/${tab}`}`,
  projectLogs: (project: string) => `#/projects/${encodeURIComponent(project)}/logs`,
  images: () => '#/images',
  build: () => '#/build',
  networks: () => '#/networks',
  network: (id: string) => `#/networks/${encodeURIComponent(id)}`,
  activity: () => '#/activity',
  image: (id: string, tab: ImageTab = 'overview') => `#/images/${encodeURIComponent(id)}${tab === 'overview' ? '' : `/${tab}`}`,
  volumes: () => '#/volumes',
  volume: (name: string, tab: VolumeTab = 'overview') => `#/volumes/${encodeURIComponent(name)}${tab === 'overview' ? '' : `/${tab}`}`,
  diskUsage: () => '#/disk-usage',
};
