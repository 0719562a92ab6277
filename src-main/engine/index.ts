import { ApiError } from '../../src-common/contract/errors';
import type { EngineStatus } from '../../src-common/models/engine-status';
import { createConnection, type StatusListener } from './connection/connection';
import { createContainerWatcher, type ContainerChangeListener } from './containers/container-watcher';
import { createContainersService, type ContainersService } from './containers/containers-service';
import { createDockerClient, type DockerClient } from './connection/docker-client';
import { listDockerContexts, resolveEndpoint, type DockerContextEntry, type EndpointOverride } from './connection/endpoint';
import { engineMessages } from './connection/engine-messages';
import { createEventsHub, type EventsHub } from './connection/events-hub';
import type { ContainerSummary } from '../../src-common/models/container';
import { createStatsService, type StatsService } from './stats/stats-service';

export type { ContainersService } from './containers/containers-service';
export type { ContainerChangeListener } from './containers/container-watcher';
export type { StatusListener } from './connection/connection';
export type { DockerContextEntry, EndpointOverride } from './connection/endpoint';
export type { StatsService, StatsListener, StatsOrigin } from './stats/stats-service';

export interface EngineOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homeDir?: string;
  /** Backoff while unreachable; tests shorten it. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** The deadline of engine calls that name none (default 15 s); fault tests shorten it. */
  callTimeoutMs?: number;
  /** How long ping and version may take while connecting (default 5 s). */
  answerTimeoutMs?: number;
  /** How long the events stream must stay up before the backoff starts over (default 5 s). */
  stableMs?: number;
  /**
   * The endpoint chosen in Berth's settings, read on every connection attempt; null or
   * absent means the docker CLI's rules (DOCKER_HOST, context, platform socket).
   */
  endpointOverride?: () => EndpointOverride | null;
}

export interface Engine {
  /** Begins connecting; nothing touches the engine before this. */
  start(): void;
  connection: {
    current(): EngineStatus;
    onStatus(listener: StatusListener): () => void;
    reconnectNow(): void;
    /**
     * Drops the current connection (and its events stream) and connects again, resolving
     * the endpoint afresh: how a changed endpoint setting takes effect. The container list resyncs.
     */
    reconnect(): void;
    /** The docker contexts the CLI knows, for picking one in settings. */
    contexts(): DockerContextEntry[];
  };
  containers: ContainersService;
  watcher: {
    /** Gets the current snapshot at once (once there is one), then every change. */
    subscribe(listener: ContainerChangeListener): () => void;
    current(): ContainerSummary[] | null;
  };
  /** Fails fast with 'engine-unreachable' (naming the endpoint) while the engine is not there. */
  requireClient(): DockerClient;
  /** The one events subscription; feature watchers (images, volumes…) listen here. */
  events: Pick<EventsHub, 'subscribe' | 'resync'>;
  /** Resource usage, collected only while a view or the tray holds interest (stats/). */
  stats: StatsService;
  /** Closes the events stream, timers and pooled sockets. */
  dispose(): Promise<void>;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const connection = createConnection({
    resolve: () =>
      resolveEndpoint({
        ...(options.env ? { env: options.env } : {}),
        ...(options.platform ? { platform: options.platform } : {}),
        ...(options.homeDir ? { homeDir: options.homeDir } : {}),
        override: options.endpointOverride?.() ?? null,
      }),
    createClient: (resolved) =>
      createDockerClient(resolved, options.callTimeoutMs !== undefined ? { defaultTimeoutMs: options.callTimeoutMs } : {}),
    ...(options.initialBackoffMs !== undefined ? { initialBackoffMs: options.initialBackoffMs } : {}),
    ...(options.maxBackoffMs !== undefined ? { maxBackoffMs: options.maxBackoffMs } : {}),
    ...(options.answerTimeoutMs !== undefined ? { answerTimeoutMs: options.answerTimeoutMs } : {}),
    ...(options.stableMs !== undefined ? { stableMs: options.stableMs } : {}),
  });
  // One events stream for every kind of object: image, volume and network views subscribe to it too.
  const hub = createEventsHub(connection, ['container', 'image', 'volume', 'network']);
  const watcher = createContainerWatcher(
    hub,
    () => connection.client(),
    () => connection.current().state === 'connected',
  );
  const stats = createStatsService({
    client: () => (connection.current().state === 'connected' ? connection.client() : null),
    apiVersion: () => {
      const status = connection.current();
      return status.state === 'connected' ? status.engine.apiVersion : undefined;
    },
    containers: watcher,
  });

  const requireClient = (): DockerClient => {
    const status = connection.current();
    const client = connection.client();
    if (status.state === 'unreachable' || !client) {
      const display = status.endpoint?.display;
      const reason = status.state === 'unreachable' ? status.error : engineMessages.notReachableYet;
      throw new ApiError(
        'engine-unreachable',
        display ? engineMessages.notReachable(display, reason) : reason,
        display,
      );
    }
    return client;
  };

  return {
    start: () => connection.start(),
    connection: {
      current: () => connection.current(),
      onStatus: (listener) => connection.onStatus(listener),
      reconnectNow: () => connection.reconnectNow(),
      reconnect: () => connection.reconnect(),
      contexts: () =>
        listDockerContexts({
          ...(options.env ? { env: options.env } : {}),
          ...(options.platform ? { platform: options.platform } : {}),
          ...(options.homeDir ? { homeDir: options.homeDir } : {}),
        }),
    },
    containers: createContainersService({ requireClient, nameOf: (id) => watcher.nameOf(id) }),
    watcher: { subscribe: (l) => watcher.subscribe(l), current: () => watcher.current() },
    requireClient,
    events: { subscribe: (listener) => hub.subscribe(listener), resync: () => hub.resync() },
    stats,
    async dispose() {
      stats.dispose();
      watcher.dispose();
      hub.dispose();
      connection.dispose();
    },
  };
}
