import type { ContainerChange, ContainerState, ContainerSummary } from '../../../src-common/models/container';
import type { DockerClient } from '../connection/docker-client';
import type { EngineEvent, EventsHub } from '../connection/events-hub';
import { toContainerSummary } from './container-mapper';
import { expectedStates, STALE_RETRY_DELAYS_MS } from './event-expectations';
import type { RawContainerSummary } from '../connection/engine-types';
import { isHelperContainer } from '../connection/helper-containers';
import { asList, createListRetry } from '../connection/list-failure';
import { createStatusTimesMemory } from './status-times';

export type ContainerChangeListener = (change: ContainerChange) => void;

export interface ContainerWatcher {
  /**
   * The listener gets the current snapshot at once (when there is one and it is live:
   * while the engine is away the last list is history, and a new view must not show it
   * as the engine's), then every change.
   */
  subscribe(listener: ContainerChangeListener): () => void;
  /** The live list, or null before the first snapshot. */
  current(): ContainerSummary[] | null;
  /** The name of a container by id or name, for readable error messages. */
  nameOf(idOrName: string): string | undefined;
  /** Asks the engine for the whole list again now (Retry after a failed load). */
  resync(): void;
  dispose(): void;
}

/**
 * Container events that cannot change a row of the list (exec sessions, attach,
 * copying files); refreshing on them would cost a request for nothing.
 */
const IRRELEVANT = /^(exec_create|exec_start|exec_die|exec_detach|attach|detach|resize|top|archive-path|extract-to-dir|export|commit|copy)\b/;

/**
 * Above this many ids one unfiltered list is cheaper than a filter naming them all: the
 * engine walks every container for either, and the query string stays short.
 */
export const FULL_LIST_ABOVE_IDS = 100;

/**
 * Batches start at least this far apart. A lone event is still refreshed at once, but a
 * burst (`compose up` of many services, a script creating containers in a loop) costs
 * at most ten requests a second however fast each answer comes back, instead of one
 * request per answer's round trip.
 */
export const MIN_BATCH_INTERVAL_MS = 100;

/** A snapshot that cannot change once made, so it can be checked and encoded once (see `snapshot` below). */
function frozenSnapshot(list: ContainerSummary[]): ContainerChange {
  Object.freeze(list);
  return Object.freeze({ kind: 'snapshot', containers: list });
}

/**
 * The live container list in main. A full list after every (re)connect; after that,
 * only the changed containers are asked for, never the whole list again (except when
 * so many changed at once that the whole list is the cheaper question).
 *
 * Refreshes are batched: the ids events touch are collected, and one list request with
 * an id filter naming all of them fetches them together. One batch is in flight at a
 * time; the next one starts as soon as it returns and carries whatever accumulated
 * meanwhile, though no sooner than MIN_BATCH_INTERVAL_MS after the last one started. A
 * lone event is therefore refreshed at once, while a burst of N events costs a few
 * requests rather than N (on Engine 20.10 each costs O(all containers)).
 */
export function createContainerWatcher(
  hub: EventsHub,
  getClient: () => DockerClient | null,
  isLive: () => boolean = () => true,
): ContainerWatcher {
  let containers: Map<string, ContainerSummary> | null = null;
  /**
   * What a new subscriber gets first, made once per state of the list: every window, tab or
   * reload of Berth then receives the same frozen object, whose contract check and JSON are
   * made once for all of them (dispatch.ts, ws-encode.ts) instead of once per connection.
   * Cleared wherever `containers` changes.
   */
  let snapshot: ContainerChange | undefined;
  const listeners = new Set<ContainerChangeListener>();
  /** Ids owed a refresh by the next batch. */
  const pending = new Set<string>();
  /** The ids of the batch in flight, or null when none is. */
  let inFlight: Set<string> | null = null;
  let pumpQueued = false;
  let lastBatchStartedAt = Number.NEGATIVE_INFINITY;
  /** Holds the next batch back until MIN_BATCH_INTERVAL_MS has passed since the last one. */
  let paceTimer: NodeJS.Timeout | undefined;
  /** Ids destroyed while the batch asking for them was in flight: its answer is older. */
  const destroyedInFlight = new Set<string>();
  /** id → the states the latest state-changing event promised (see event-expectations). */
  const expected = new Map<string, readonly ContainerState[]>();
  /** id → stale answers seen so far for it, and the timer asking again. */
  const staleRetries = new Map<string, { count: number; timer?: NodeJS.Timeout }>();
  /** True while a full list is on its way: batches wait, touched ids stay pending. */
  let syncing = false;
  /** Bumped by every resync: a batch started under an older one may carry older data. */
  let syncGeneration = 0;
  let disposed = false;
  const retry = createListRetry();
  /** What earlier answers said of each container's start and end: later ones narrow it. */
  const times = createStatusTimesMemory();
  const summaryOf = (raw: RawContainerSummary, fetchedAt: number) => toContainerSummary(raw, fetchedAt, times);

  const emit = (change: ContainerChange) => {
    for (const listener of [...listeners]) listener(change);
  };

  async function resync(): Promise<void> {
    const gen = ++syncGeneration;
    const client = getClient();
    if (!client) return;
    syncing = true;
    let list: ContainerSummary[];
    try {
      const answer = asList<RawContainerSummary>(await client.listContainers(), 'list containers');
      const fetchedAt = Date.now();
      list = answer.filter((c) => !isHelperContainer(c.Labels)).map((raw) => summaryOf(raw, fetchedAt));
    } catch (err) {
      if (gen !== syncGeneration || disposed) return;
      syncing = false;
      // An engine that went away: the hub notices the stream ending and asks for another
      // resync once it is back. One that answered badly: say so, and ask again later.
      const failure = retry.failed(err, () => void resync());
      if (failure) emit(failure);
      return;
    }
    if (gen !== syncGeneration || disposed) return;
    retry.succeeded();
    containers = new Map(list.map((c) => [c.id, c]));
    times.retain(new Set(containers.keys()));
    syncing = false;
    snapshot = frozenSnapshot(list);
    emit(snapshot);
    // Ids touched while the list was on its way may have changed after it was taken.
    schedulePump();
  }

  function apply(id: string, fresh: ContainerSummary | undefined): void {
    if (!containers) return;
    if (fresh) {
      const old = containers.get(id);
      if (old && JSON.stringify(old) === JSON.stringify(fresh)) return;
      containers.set(id, fresh);
      snapshot = undefined;
      emit({ kind: 'upsert', container: fresh });
    } else if (containers.delete(id)) {
      snapshot = undefined;
      emit({ kind: 'remove', id });
    }
  }

  function clearStaleRetry(id: string): void {
    const retry = staleRetries.get(id);
    if (retry?.timer) clearTimeout(retry.timer);
    staleRetries.delete(id);
  }

  /**
   * An answer contradicting the state the latest event implies is not shown: the id is
   * asked again after a short delay, or with the next batch if a newer event owes one.
   * Returns false once the retries are used up (the answer is then taken as it is).
   */
  function retryStale(id: string): boolean {
    const retry = staleRetries.get(id) ?? { count: 0 };
    const delay = STALE_RETRY_DELAYS_MS[retry.count];
    if (delay === undefined) return false;
    retry.count += 1;
    staleRetries.set(id, retry);
    if (pending.has(id)) return true;
    retry.timer = setTimeout(() => {
      retry.timer = undefined;
      if (disposed) return;
      pending.add(id);
      schedulePump();
    }, delay);
    return true;
  }

  function settle(id: string, match: RawContainerSummary | undefined, fetchedAt: number): void {
    const fresh = match && !isHelperContainer(match.Labels) ? summaryOf(match, fetchedAt) : undefined;
    const want = expected.get(id);
    if (fresh && want && !want.includes(fresh.state) && retryStale(id)) return;
    expected.delete(id);
    clearStaleRetry(id);
    apply(id, fresh);
  }

  /** Events of one chunk of the stream arrive in one tick: a microtask gathers them. */
  function schedulePump(): void {
    if (pumpQueued) return;
    pumpQueued = true;
    queueMicrotask(() => {
      pumpQueued = false;
      void runBatch();
    });
  }

  async function runBatch(): Promise<void> {
    if (inFlight || syncing || disposed || pending.size === 0 || paceTimer) return;
    const client = getClient();
    if (!client) return;
    const wait = lastBatchStartedAt + MIN_BATCH_INTERVAL_MS - Date.now();
    if (wait > 0) {
      paceTimer = setTimeout(() => {
        paceTimer = undefined;
        void runBatch();
      }, wait);
      return;
    }
    lastBatchStartedAt = Date.now();
    const ids = new Set(pending);
    pending.clear();
    inFlight = ids;
    const gen = syncGeneration;
    let answer: RawContainerSummary[] | null = null;
    try {
      // The id filter ORs its values; with many ids the unfiltered list costs the same.
      answer = await client.listContainers(ids.size > FULL_LIST_ABOVE_IDS ? undefined : { id: [...ids] });
    } catch {
      // Same as in resync: a lost engine leads to a resync of its own.
    }
    inFlight = null;
    if (disposed) return;
    if (answer && gen !== syncGeneration) {
      // A full list was taken meanwhile and may be newer than this answer: ask again.
      for (const id of ids) pending.add(id);
    } else if (answer) {
      // The id filter matches prefixes (and the full list has everyone): pick exact ids.
      const byId = new Map(answer.map((c) => [c.Id, c]));
      const fetchedAt = Date.now();
      for (const id of ids) if (!destroyedInFlight.has(id)) settle(id, byId.get(id), fetchedAt);
    }
    destroyedInFlight.clear();
    schedulePump();
  }

  function onEvent(event: EngineEvent): void {
    if (event.type !== 'container' || IRRELEVANT.test(event.action)) return;
    const { id, action } = event;
    if (action === 'destroy') {
      // Gone for good: no request needed, and nothing asked for earlier may bring it back.
      expected.delete(id);
      clearStaleRetry(id);
      times.forget(id);
      pending.delete(id);
      if (inFlight?.has(id)) destroyedInFlight.add(id);
      if (syncing) pending.add(id); // the list on its way may still show it
      else apply(id, undefined);
      return;
    }
    const want = expectedStates(action);
    if (want) expected.set(id, want);
    // A newer event makes a waiting stale retry moot: the next batch asks anyway.
    const retry = staleRetries.get(id);
    if (retry?.timer) {
      clearTimeout(retry.timer);
      retry.timer = undefined;
    }
    pending.add(id);
    schedulePump();
  }

  const unsubscribeHub = hub.subscribe({ onEvent, onResync: () => void resync() });

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (containers && isLive()) listener((snapshot ??= frozenSnapshot([...containers.values()])));
      const failure = retry.current();
      if (failure) listener(failure);
      return () => listeners.delete(listener);
    },
    resync: () => void resync(),
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
      retry.dispose();
      unsubscribeHub();
      listeners.clear();
      for (const id of [...staleRetries.keys()]) clearStaleRetry(id);
      clearTimeout(paceTimer);
      pending.clear();
    },
  };
}
