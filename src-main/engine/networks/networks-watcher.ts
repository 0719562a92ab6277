import type { NetworkChange, NetworkSummary } from '../../../src-common/models/networks';
import type { DockerClient } from '../connection/docker-client';
import type { EngineEvent, EventsListener } from '../connection/events-hub';
import { toNetworkSummary } from './networks-mapper';
import type { RawNetwork } from './networks-types';

export type NetworkChangeListener = (change: NetworkChange) => void;

export interface NetworksWatcherDeps {
  events: { subscribe(listener: EventsListener): () => void };
  getClient(): DockerClient | null;
  /**
   * The engine says it is one whose network events are known to be incomplete (Podman):
   * no container start needs to be seen first to know it.
   */
  eventsKnownIncomplete?(): boolean;
}

export interface NetworksWatcher {
  subscribe(listener: NetworkChangeListener): () => void;
  current(): NetworkSummary[] | null;
  /** Asks the engine about one network again now (after Berth's own connect, for example). */
  refresh(id: string): Promise<void>;
  /** Lists every network again soon (after Berth's own prune, or a change no event names). */
  resyncSoon(): void;
  /** Berth removed this network: the row goes without waiting for an event. */
  removed(id: string): void;
  dispose(): void;
}

/** Network events after which the network looks different; `destroy` removes it without a request. */
const REFRESHING = new Set(['create', 'connect', 'disconnect', 'update']);
/** Inspects at once during a resync: enough to be quick, few enough to spare the engine. */
const RESYNC_PARALLEL = 4;
/** Container events that move a container onto or off its networks. */
const CONTAINER_NETWORK_ACTIONS = new Set(['start', 'die', 'destroy']);
/** Changes that come in a burst (a compose up) are gathered into one resync. */
const RESYNC_DEBOUNCE_MS = 250;

/**
 * The live network list in main. The list endpoint leaves out the attached containers
 * (since API 1.28), so a (re)sync lists and then inspects every network; afterwards one
 * inspect per network an event names (create, connect, disconnect), `destroy` without a
 * request. Connect and disconnect events come when a container starts and stops on a
 * network too, so the endpoints and their addresses stay live. Nothing polls.
 *
 * Not every engine says that much: Podman (4.x) sends no network create, destroy or
 * connect event and a disconnect that names only the container. The watcher notices it
 * from the events themselves — a container `start` with no `connect` before it, or a
 * connect/disconnect without a container — and from then on lists the networks again
 * (debounced) after container start, die and destroy events and such network events.
 * Berth's own creates, removes and prunes update the list whatever the engine sends.
 */
export function createNetworksWatcher(deps: NetworksWatcherDeps): NetworksWatcher {
  let networks: Map<string, NetworkSummary> | null = null;
  const listeners = new Set<NetworkChangeListener>();
  const inFlight = new Set<string>();
  const pending = new Set<string>();
  /** Networks events named while a resync was under way: asked again once it is done. */
  let dirtyDuringResync: Set<string> | null = null;
  let generation = 0;
  /** Bumped per destroy: an inspect answer started before it is older than the destroy. */
  let destroys = 0;
  const destroyedAt = new Map<string, number>();
  let disposed = false;
  /** Containers a `connect` event named since their last start. */
  const connected = new Set<string>();
  /** This engine's network events leave changes out (see above). */
  let eventsIncomplete = false;
  const incomplete = () => eventsIncomplete || deps.eventsKnownIncomplete?.() === true;
  let resyncTimer: NodeJS.Timeout | undefined;
  const resyncSoon = () => {
    if (resyncTimer || disposed) return;
    resyncTimer = setTimeout(() => {
      resyncTimer = undefined;
      if (!disposed) void resync();
    }, RESYNC_DEBOUNCE_MS);
  };

  const emit = (change: NetworkChange) => {
    for (const l of [...listeners]) l(change);
  };

  function put(net: NetworkSummary): void {
    if (!networks) return;
    const old = networks.get(net.id);
    if (old && JSON.stringify(old) === JSON.stringify(net)) return;
    networks.set(net.id, net);
    emit({ kind: 'upsert', network: net });
  }

  function remove(id: string): void {
    if (!networks) return;
    const known = networks.get(id) ?? [...networks.values()].find((n) => n.name === id);
    if (known && networks.delete(known.id)) emit({ kind: 'remove', id: known.id });
  }

  async function inspect(client: DockerClient, id: string): Promise<RawNetwork> {
    return client.request<RawNetwork>({ method: 'GET', path: `/networks/${encodeURIComponent(id)}`, action: 'inspect', object: `network ${id}` });
  }

  async function resync(): Promise<void> {
    const gen = ++generation;
    const client = deps.getClient();
    if (!client) return;
    dirtyDuringResync = new Set();
    const destroysBefore = destroys;
    try {
      const listed = await client.request<RawNetwork[]>({ method: 'GET', path: '/networks', action: 'list networks' });
      const ids = listed.map((n) => n.Id ?? n.Name).filter((id): id is string => typeof id === 'string');
      const inspected: RawNetwork[] = [];
      for (let i = 0; i < ids.length; i += RESYNC_PARALLEL) {
        const batch = await Promise.all(ids.slice(i, i + RESYNC_PARALLEL).map((id) => inspect(client, id).catch(() => null)));
        if (gen !== generation || disposed) return;
        for (const raw of batch) if (raw) inspected.push(raw);
      }
      if (gen !== generation || disposed) return;
      // A network destroyed while the resync ran may still be in its answers.
      const list = inspected.map(toNetworkSummary).filter((n) => (destroyedAt.get(n.id) ?? -1) < destroysBefore);
      networks = new Map(list.map((n) => [n.id, n]));
      destroyedAt.clear();
      emit({ kind: 'snapshot', networks: list });
    } catch {
      return; // the hub notices a lost engine and asks again
    } finally {
      if (gen === generation) {
        const dirty = dirtyDuringResync;
        dirtyDuringResync = null;
        for (const id of dirty ?? []) void refresh(id);
      }
    }
  }

  async function refresh(id: string): Promise<void> {
    if (dirtyDuringResync) {
      dirtyDuringResync.add(id);
      return;
    }
    if (inFlight.has(id)) {
      pending.add(id);
      return;
    }
    const client = deps.getClient();
    if (!client || !networks) return;
    inFlight.add(id);
    const gen = generation;
    const destroysBefore = destroys;
    try {
      const raw = await inspect(client, id);
      const net = toNetworkSummary(raw);
      const destroyedSince = (destroyedAt.get(net.id) ?? -1) >= destroysBefore;
      if (gen === generation && !disposed && !destroyedSince) put(net);
    } catch (err) {
      if ((err as { code?: string }).code === 'not-found' && gen === generation) remove(id);
    } finally {
      inFlight.delete(id);
      if (pending.delete(id)) void refresh(id);
    }
  }

  function onContainerEvent(event: EngineEvent): void {
    if (event.action === 'start') {
      if (!connected.delete(event.id)) eventsIncomplete = true;
    } else if (event.action === 'destroy') connected.delete(event.id);
    if (incomplete() && CONTAINER_NETWORK_ACTIONS.has(event.action)) resyncSoon();
  }

  function onEvent(event: EngineEvent): void {
    if (event.type === 'container') return onContainerEvent(event);
    if (event.type !== 'network') return;
    if ((event.action === 'connect' || event.action === 'disconnect') && !event.attributes.container) {
      // The event names a container, not a network: which network changed is unknown.
      eventsIncomplete = true;
      return resyncSoon();
    }
    if (event.action === 'connect') connected.add(event.attributes.container!);
    if (event.action === 'destroy') {
      destroyedAt.set(event.id, destroys++);
      dirtyDuringResync?.delete(event.id);
      remove(event.id);
      return;
    }
    if (REFRESHING.has(event.action)) void refresh(event.id);
  }

  const unsubscribe = deps.events.subscribe({ onEvent, onResync: () => void resync() });
  // Made after the events stream opened: its resync came before we listened.
  if (deps.getClient()) void resync();

  return {
    subscribe(listener) {
      // Someone opens the list: on an engine whose events leave changes out, look again.
      if (incomplete()) resyncSoon();
      listeners.add(listener);
      if (networks) listener({ kind: 'snapshot', networks: [...networks.values()] });
      return () => listeners.delete(listener);
    },
    current: () => (networks ? [...networks.values()] : null),
    refresh,
    resyncSoon,
    removed(ref) {
      const id = networks?.get(ref)?.id ?? [...(networks?.values() ?? [])].find((n) => n.name === ref)?.id ?? ref;
      destroyedAt.set(id, destroys++);
      dirtyDuringResync?.delete(id);
      remove(id);
    },
    dispose() {
      disposed = true;
      clearTimeout(resyncTimer);
      generation += 1;
      unsubscribe();
      listeners.clear();
    },
  };
}
