// An engine for Electron glue tests: its status and container list are set by the test,
// and the container actions asked of it are recorded. Events can be pushed too.
import { ContainerSummary, type ContainerChange } from '../../../src-common/models/container';
import type { EngineStatus } from '../../../src-common/models/engine-status';
import type { Engine } from '../../engine/index';
import type { EngineEvent, EventsListener } from '../../engine/connection/events-hub';
import type { StatsTotals } from '../../../src-common/models/stats';
import type { StatsListener, StatsOrigin } from '../../engine/stats/stats-service';
import { emptyHistory } from '../../engine/stats/stats-history';

export const endpoint = { kind: 'unix', address: '/var/run/docker.sock', source: 'default', tls: false, display: 'unix:///var/run/docker.sock' } as const;
export const connected: EngineStatus = {
  state: 'connected',
  endpoint,
  engine: { name: 'Docker Engine', version: '28.1.1', apiVersion: '1.49', os: 'linux', arch: 'amd64' },
};
export const unreachable: EngineStatus = { state: 'unreachable', endpoint, error: 'connect ENOENT', hint: '', retryInMs: 1000 };

export function container(id: string, fields: Partial<ContainerSummary> = {}): ContainerSummary {
  return ContainerSummary.parse({
    id,
    name: `web-${id}`,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sh',
    created: 1,
    state: 'running',
    status: 'Up 1 minute',
    health: null,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    ports: [],
    labels: {},
    composeProject: null,
    composeService: null,
    ...fields,
  });
}

/** An engine whose status and container list the test sets; it records the actions asked of it. */
export function fakeEngine(initial: ContainerSummary[] = []) {
  let status: EngineStatus = connected;
  const containers = new Map(initial.map((c) => [c.id, c]));
  const statusListeners = new Set<(s: EngineStatus) => void>();
  const changeListeners = new Set<(c: ContainerChange) => void>();
  const calls: string[] = [];
  const verb = (name: string) => (id: string) => {
    calls.push(`${name} ${id}`);
    return name === 'pause' ? Promise.reject(new Error(`Cannot pause container ${id}: it is not running`)) : Promise.resolve();
  };
  const eventListeners = new Set<EventsListener>();
  /** What was asked of the stats service: origins shown and hidden, interest held. */
  const stats = { visibility: [] as string[], holders: new Set<{ listener: StatsListener; origin: StatsOrigin; totals: boolean }>() };
  const totalsListeners = new Set<(t: StatsTotals) => void>();
  let latestTotals: StatsTotals | null = null;
  const engine: Pick<Engine, 'connection' | 'watcher' | 'containers' | 'events' | 'stats'> = {
    connection: {
      current: () => status,
      onStatus: (l) => {
        statusListeners.add(l);
        return () => statusListeners.delete(l);
      },
      reconnectNow: () => {},
      reconnect: () => {},
      contexts: () => [],
    },
    watcher: {
      current: () => [...containers.values()],
      subscribe: (l) => {
        changeListeners.add(l);
        return () => changeListeners.delete(l);
      },
    },
    containers: {
      list: () => Promise.resolve([...containers.values()]),
      inspect: () => Promise.reject(new Error('not used')),
      start: verb('start'),
      stop: verb('stop'),
      restart: verb('restart'),
      pause: verb('pause'),
      unpause: verb('unpause'),
      kill: verb('kill'),
      remove: verb('remove'),
    },
    events: {
      subscribe: (l) => {
        eventListeners.add(l);
        return () => eventListeners.delete(l);
      },
      resync: () => {
        for (const l of eventListeners) l.onResync?.();
      },
    },
    stats: {
      watch: (listener, _ids, options = {}) => {
        const holder = { listener, origin: options.origin ?? 'window', totals: options.totals ?? false };
        stats.holders.add(holder);
        return { update: () => {}, close: () => void stats.holders.delete(holder) };
      },
      history: () => emptyHistory(),
      setOriginVisible: (origin, visible) => void stats.visibility.push(`${origin} ${visible ? 'visible' : 'hidden'}`),
      latestTotals: () => latestTotals,
      onTotals: (l) => {
        totalsListeners.add(l);
        return () => totalsListeners.delete(l);
      },
      dispose: () => {},
    },
  };
  return {
    engine,
    calls,
    listeners: () => statusListeners.size + changeListeners.size,
    eventListeners: () => eventListeners.size,
    stats,
    /** The stats service computed totals (for someone's view). */
    pushTotals(totals: StatsTotals) {
      latestTotals = totals;
      for (const l of totalsListeners) l(totals);
      for (const h of stats.holders) if (h.totals) h.listener.totals?.(totals);
    },
    emitEvent(event: EngineEvent) {
      for (const l of eventListeners) l.onEvent?.(event);
    },
    setStatus(next: EngineStatus) {
      status = next;
      for (const l of statusListeners) l(next);
    },
    upsert(c: ContainerSummary) {
      containers.set(c.id, c);
      for (const l of changeListeners) l({ kind: 'upsert', container: c });
    },
  };
}

