import type { ContainerChange, ContainerState, ContainerSummary } from '../../src-common/models/container';
import type { DockerClient } from './docker-client';
import type { EngineEvent, EventsHub } from './events-hub';
import { toContainerSummary } from './container-mapper';
import { expectedStates, STALE_RETRY_DELAYS_MS } from './event-expectations';

export type ContainerChangeListener = (change: ContainerChange) => void;

export interface ContainerWatcher {
  /** The listener gets the current snapshot at once (when there is one), then every change. */
  subscribe(listener: ContainerChangeListener): () => void;
  /** The live list, or null before the first snapshot. */
  current(): ContainerSummary[] | null;
  /** The name of a container by id or name, for readable error messages. */
  nameOf(idOrName: string): string | undefined;
  dispose(): void;
}

/**
 * Container events that cannot change a row of the list (exec sessions, attach,
 * copying files); refreshing on them would cost a request for nothing.
 */
const IRRELEVANT = /^(exec_create|exec_start|exec_die|exec_detach|attach|detach|resize|top|archive-path|extract-to-dir|export|commit|copy)\b/;

/**
 * The live container list in main. A full list after every (re)connect; after that,
 * one small request per changed container, never the whole list again. Bursts for one
 * id coalesce: an event during that id's refresh schedules one more refresh, not N.
 */
export function createContainerWatcher(hub: EventsHub, getClient: () => DockerClient | null): ContainerWatcher {
  let containers: Map<string, ContainerSummary> | null = null;
  const listeners = new Set<ContainerChangeListener>();
  /** id → whether another refresh is owed once the running one finishes. */
  const inFlight = new Map<string, { again: boolean }>();
  /** id → the states the latest state-changing event promised (see event-expectations). */
  const expected = new Map<string, readonly ContainerState[]>();
  /** Ids touched while a full list was on its way; refreshed once it lands. */
  let touchedDuringSync: Set<string> | null = null;
  let syncGeneration = 0;
  let disposed = false;

  const emit = (change: ContainerChange) => {
    for (const listener of [...listeners]) listener(change);
  };

  async function resync(): Promise<void> {
    const gen = ++syncGeneration;
    const client = getClient();
    if (!client) return;
    touchedDuringSync = new Set();
    let list: ContainerSummary[];
    try {
      list = (await client.listContainers()).map(toContainerSummary);
    } catch {
      // The engine went away between opening the events stream and listing; the hub
      // notices the stream ending and asks for another resync once it is back.
      if (gen === syncGeneration) touchedDuringSync = null;
      return;
    }
    if (gen !== syncGeneration || disposed) return;
    containers = new Map(list.map((c) => [c.id, c]));
    const touched = touchedDuringSync;
    touchedDuringSync = null;
    emit({ kind: 'snapshot', containers: list });
    // Refreshes that started before the list may carry older data: run them once more.
    for (const entry of inFlight.values()) entry.again = true;
    for (const id of touched) void refresh(id);
  }

  function apply(id: string, fresh: ContainerSummary | undefined): void {
    if (!containers) return;
    if (fresh) {
      const old = containers.get(id);
      if (old && JSON.stringify(old) === JSON.stringify(fresh)) return;
      containers.set(id, fresh);
      emit({ kind: 'upsert', container: fresh });
    } else if (containers.delete(id)) {
      emit({ kind: 'remove', id });
    }
  }

  async function refresh(id: string): Promise<void> {
    const running = inFlight.get(id);
    if (running) {
      running.again = true;
      return;
    }
    const entry = { again: false };
    inFlight.set(id, entry);
    let staleRetries = 0;
    try {
      do {
        entry.again = false;
        const client = getClient();
        if (!client || disposed) return;
        let raw;
        try {
          raw = await client.listContainers({ id: [id] });
        } catch {
          return; // same as in resync: a lost engine leads to a resync of its own
        }
        if (disposed) return;
        // The id filter matches prefixes, so pick the exact one.
        const match = raw.find((c) => c.Id === id);
        const fresh = match ? toContainerSummary(match) : undefined;
        const want = expected.get(id);
        const stale = fresh !== undefined && want !== undefined && !want.includes(fresh.state);
        const retryDelay = STALE_RETRY_DELAYS_MS[staleRetries];
        if (stale && retryDelay !== undefined) {
          staleRetries += 1;
          // A newer event already owes a refresh; otherwise give the engine's view a moment.
          if (!entry.again) await new Promise((resolve) => setTimeout(resolve, retryDelay));
          entry.again = true;
          continue;
        }
        expected.delete(id);
        if (touchedDuringSync) touchedDuringSync.add(id);
        else apply(id, fresh);
      } while (entry.again);
    } finally {
      inFlight.delete(id);
    }
  }

  function onEvent(event: EngineEvent): void {
    if (event.type !== 'container' || IRRELEVANT.test(event.action)) return;
    const want = expectedStates(event.action);
    if (want) expected.set(event.id, want);
    if (touchedDuringSync) {
      touchedDuringSync.add(event.id);
      return;
    }
    if (event.action === 'destroy') {
      expected.delete(event.id);
      apply(event.id, undefined);
      const running = inFlight.get(event.id);
      if (running) running.again = true;
      return;
    }
    void refresh(event.id);
  }

  const unsubscribeHub = hub.subscribe({ onEvent, onResync: () => void resync() });

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (containers) listener({ kind: 'snapshot', containers: [...containers.values()] });
      return () => listeners.delete(listener);
    },
    current: () => (containers ? [...containers.values()] : null),
    nameOf(idOrName) {
      const byId = containers?.get(idOrName);
      if (byId) return byId.name;
      const all = [...(containers?.values() ?? [])];
      return (all.find((c) => c.name === idOrName) ?? all.find((c) => c.id.startsWith(idOrName)))?.name;
    },
    dispose() {
      disposed = true;
      syncGeneration += 1;
      unsubscribeHub();
      listeners.clear();
    },
  };
}
