export type DetailsTab = 'overview' | 'inspect';

export type Route =
  | { page: 'containers' }
  | { page: 'container'; id: string; tab: DetailsTab }
  | { page: 'not-found'; hash: string };

/** Reads "#/containers", "#/containers/<id>" and "#/containers/<id>/inspect"; empty goes to the list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/' || path === '/containers') return { page: 'containers' };
  const m = /^\/containers\/([^/]+)(?:\/(inspect|overview))?$/.exec(path);
  if (m) {
    let id: string;
    try {
      id = decodeURIComponent(m[1]!);
    } catch {
      return { page: 'not-found', hash };
    }
    return { page: 'container', id, tab: m[2] === 'inspect' ? 'inspect' : 'overview' };
  }
  return { page: 'not-found', hash };
}

export const hrefs = {
  containers: () => '#/containers',
  container: (id: string, tab: DetailsTab = 'overview') =>
    `#/containers/${encodeURIComponent(id)}${tab === 'inspect' ? '/inspect' : ''}`,
};
