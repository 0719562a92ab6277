import type { ContainerDetails, ContainerSummary } from '../../../src-common/models/container';
import type { ContainerRef, DockerClient } from '../connection/docker-client';
import { isHelperContainer } from '../connection/helper-containers';
import { toContainerDetails, toContainerSummary } from './container-mapper';

export interface ContainersService {
  list(): Promise<ContainerSummary[]>;
  inspect(id: string): Promise<ContainerDetails>;
  start(id: string): Promise<void>;
  /** SIGTERM, then SIGKILL after the timeout (the engine's default when absent). */
  stop(id: string, timeoutSeconds?: number): Promise<void>;
  restart(id: string): Promise<void>;
  pause(id: string): Promise<void>;
  unpause(id: string): Promise<void>;
  kill(id: string, signal?: string): Promise<void>;
  /** Named volumes are never removed; anonymous ones only with removeAnonymousVolumes. */
  remove(id: string, options: { force: boolean; removeAnonymousVolumes: boolean }): Promise<void>;
}

export interface ContainersServiceDeps {
  /** The client to use now; throws an 'engine-unreachable' ApiError when there is none. */
  requireClient(): DockerClient;
  /** A container's name when known, so errors say "container web-1" rather than an id. */
  nameOf(idOrName: string): string | undefined;
}

export function createContainersService(deps: ContainersServiceDeps): ContainersService {
  // Callers of list() that shared one engine answer (coalesced reads) share one mapped
  // list too, so the dispatcher checks it against the contract once (see dispatch.ts).
  const mapped = new WeakMap<object, ContainerSummary[]>();
  const ref = (id: string): ContainerRef => {
    const name = deps.nameOf(id);
    return name ? { id, name } : { id };
  };
  return {
    list: async () => {
      const raw = await deps.requireClient().listContainers();
      let list = mapped.get(raw);
      if (!list) mapped.set(raw, (list = raw.filter((c) => !isHelperContainer(c.Labels)).map((r) => toContainerSummary(r))));
      return list;
    },
    inspect: async (id) => toContainerDetails(await deps.requireClient().inspectContainer(ref(id))),
    start: (id) => deps.requireClient().startContainer(ref(id)),
    stop: (id, timeoutSeconds) => deps.requireClient().stopContainer(ref(id), timeoutSeconds),
    restart: (id) => deps.requireClient().restartContainer(ref(id)),
    pause: (id) => deps.requireClient().pauseContainer(ref(id)),
    unpause: (id) => deps.requireClient().unpauseContainer(ref(id)),
    kill: (id, signal) => deps.requireClient().killContainer(ref(id), signal),
    remove: (id, options) => deps.requireClient().removeContainer(ref(id), options),
  };
}
