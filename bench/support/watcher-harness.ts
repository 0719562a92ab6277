import { createConnection } from '../../src-main/engine/connection/connection';
import { createContainerWatcher, type ContainerWatcher } from '../../src-main/engine/containers/container-watcher';
import { createDockerClient, type DockerClient } from '../../src-main/engine/connection/docker-client';
import { resolveEndpoint } from '../../src-main/engine/connection/endpoint';
import { createEventsHub, type EventsHub } from '../../src-main/engine/connection/events-hub';

export type WatcherFactory = (hub: EventsHub, getClient: () => DockerClient | null) => ContainerWatcher;

export interface CountedWatcher {
  watcher: ContainerWatcher;
  /** List requests the watcher has made so far (the first snapshot included). */
  lists(): number;
  dispose(): void;
}

/**
 * The watcher wired as in the app (connection → events stream → watcher) against the
 * real engine, with a counter on its list requests.
 */
export function startCountedWatcher(factory: WatcherFactory = createContainerWatcher): CountedWatcher {
  let lists = 0;
  const connection = createConnection({
    resolve: () => resolveEndpoint(),
    createClient: (resolved) => {
      const real = createDockerClient(resolved);
      return {
        ...real,
        listContainers: (filters) => {
          lists += 1;
          return real.listContainers(filters);
        },
      };
    },
  });
  const hub = createEventsHub(connection, ['container']);
  const watcher = factory(hub, () => connection.client());
  connection.start();
  return {
    watcher,
    lists: () => lists,
    dispose() {
      watcher.dispose();
      hub.dispose();
      connection.client()?.close();
      connection.dispose();
    },
  };
}
