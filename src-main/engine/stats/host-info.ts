import type { DockerClient } from '../connection/docker-client';

export interface HostCapacity {
  cpus: number | null;
  memoryBytes: number | null;
}

const positive = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);

/**
 * The engine host's CPUs and memory (`/info`: NCPU, MemTotal), read once per connection:
 * each connection has its own client, so the cache is keyed by it and goes with it.
 */
export function createHostCapacity(): (client: DockerClient) => Promise<HostCapacity> {
  const known = new WeakMap<DockerClient, Promise<HostCapacity>>();
  return (client) => {
    let pending = known.get(client);
    if (!pending) {
      pending = client
        .request<{ NCPU?: unknown; MemTotal?: unknown }>({
          method: 'GET',
          path: '/info',
          signal: AbortSignal.timeout(10_000),
          action: 'read engine information',
        })
        .then((info) => ({ cpus: positive(info?.NCPU), memoryBytes: positive(info?.MemTotal) }));
      // A failure is not remembered: the next tick asks again.
      pending.catch(() => known.delete(client));
      known.set(client, pending);
    }
    return pending;
  };
}
