// How the docker CLI names registries in config.json and to credential helpers:
// Docker Hub is "https://index.docker.io/v1/", everything else its host[:port].

export const HUB_SERVER = 'https://index.docker.io/v1/';
const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** "https://ghcr.io/v2/" → "ghcr.io"; Docker Hub's aliases → "docker.io". */
export function registryOfServer(server: string): string {
  const host = server
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  return HUB_HOSTS.has(host) ? 'docker.io' : host;
}

/** The key the docker CLI uses for a registry (a domain from parseImageRef, or what a user typed). */
export function serverKeyFor(registryOrServer: string): string {
  const registry = registryOfServer(registryOrServer);
  return registry === 'docker.io' ? HUB_SERVER : registry;
}

/** Whether a key found in config.json or a helper's list means this registry (keys may carry a scheme or path). */
export function sameRegistry(key: string, registry: string): boolean {
  return registryOfServer(key) === registryOfServer(registry);
}
