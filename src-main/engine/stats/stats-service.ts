import { STATS_INTERVAL_MS, type StatsHistory, type StatsSample, type StatsTotals } from '../../../src-common/models/stats';
import type { ContainerChange, ContainerSummary } from '../../../src-common/models/container';
import type { DockerClient } from '../connection/docker-client';
import { createHostCapacity, type HostCapacity } from './host-info';
import { fetchStats, supportsOneShot } from './stats-fetch';
import { StatsHistoryStore } from './stats-history';
import { readStats, toSample, type StatsReading } from './stats-math';
import { sumTotals } from './stats-totals';

/** Containers that are not on screen but count in the totals are read this often. */
export const TOTALS_INTERVAL_MS = 10_000;
/**
 * A round's requests go out together, up to this many at once. Docker 20.10 answers even
 * a one-shot request from its stats collector's next pass (once a second, over every
 * container someone waits for): asked together, a round shares one pass and takes about
 * a second; asked a few at a time, it would take several passes and seconds.
 */
const CONCURRENCY = 64;
/** A previous reading older than this gives no CPU %: it would be an average over minutes, shown as now. */
const MAX_DELTA_MS = 3 * TOTALS_INTERVAL_MS;

export interface StatsListener {
  /** The newest reading of each of the listener's containers read in this round. */
  samples?(batch: ReadonlyMap<string, StatsSample>): void;
  /** Listened-to containers that stopped or went away. */
  gone?(ids: readonly string[]): void;
  totals?(totals: StatsTotals): void;
}

/**
 * Who is looking: the window (its rows, its details tab, its status bar) or the tray's
 * tooltip. Main can tell that one of them cannot be seen (a hidden or minimized window)
 * and then collects nothing for it, whatever its views still ask for.
 */
export type StatsOrigin = 'window' | 'tray';

export interface StatsWatch {
  /** The containers this view shows now, and whether it shows the totals. */
  update(ids: Iterable<string>, totals: boolean): void;
  close(): void;
}

export interface StatsService {
  watch(listener: StatsListener, ids: Iterable<string>, options?: { totals?: boolean; origin?: StatsOrigin }): StatsWatch;
  /** A container's kept readings (up to 15 minutes), oldest first. */
  history(id: string): StatsHistory;
  setOriginVisible(origin: StatsOrigin, visible: boolean): void;
  /** The last totals computed, or null while nobody asked for them. */
  latestTotals(): StatsTotals | null;
  /** Hears the totals whenever someone else's interest has them computed; adds no interest of its own. */
  onTotals(listener: (totals: StatsTotals) => void): () => void;
  dispose(): void;
}

export interface StatsServiceDeps {
  client(): DockerClient | null;
  apiVersion(): string | undefined;
  containers: { current(): ContainerSummary[] | null; subscribe(listener: (change: ContainerChange) => void): () => void };
  now?: () => number;
  intervalMs?: number;
  totalsIntervalMs?: number;
  /** The bench fills one with synthetic readings to measure 15 minutes of history quickly. */
  history?: StatsHistoryStore;
}

interface Holder {
  listener: StatsListener;
  ids: Set<string>;
  totals: boolean;
  origin: StatsOrigin;
}

interface ContainerState {
  last: StatsReading | null;
  latest: StatsSample | null;
}

const SAMPLED_STATES = new Set(['running', 'paused']);

/**
 * Demand-driven collection: a container is read only while some visible view holds it
 * (every 2 s), and the rest of the running containers only while something shows the
 * totals (every 10 s). Nobody looking means no timer and no request. Each round is
 * one `stats?stream=false&one-shot=true` per container (cheaper for the engine than a
 * stream per container: bench/stats-collect-cost.bench.ts); CPU % comes from Berth's own
 * previous reading, so one request per container per round is all it takes.
 */
export function createStatsService(deps: StatsServiceDeps): StatsService {
  const now = deps.now ?? Date.now;
  const intervalMs = deps.intervalMs ?? STATS_INTERVAL_MS;
  const totalsIntervalMs = deps.totalsIntervalMs ?? TOTALS_INTERVAL_MS;
  const hostCapacity = createHostCapacity();
  const history = deps.history ?? new StatsHistoryStore();
  const holders = new Set<Holder>();
  const hiddenOrigins = new Set<StatsOrigin>();
  const states = new Map<string, ContainerState>();
  const inFlight = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticking = false;
  let lastTickAt = Number.NEGATIVE_INFINITY;
  let totals: StatsTotals | null = null;
  const totalsListeners = new Set<(totals: StatsTotals) => void>();
  let disposed = false;

  const activeHolders = () => [...holders].filter((h) => !hiddenOrigins.has(h.origin));
  const runningIds = (): Set<string> =>
    new Set((deps.containers.current() ?? []).filter((c) => SAMPLED_STATES.has(c.state)).map((c) => c.id));
  const wantedIds = (): Set<string> => {
    const wanted = new Set<string>();
    for (const h of activeHolders()) for (const id of h.ids) wanted.add(id);
    return wanted;
  };
  const wantsTotals = () => activeHolders().some((h) => h.totals);
  const hasInterest = () => activeHolders().some((h) => h.totals || h.ids.size > 0);

  function schedule(): void {
    if (disposed || ticking) return;
    if (!hasInterest()) {
      if (timer) clearTimeout(timer);
      timer = null;
      return;
    }
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void tick();
    }, Math.max(0, lastTickAt + intervalMs - now()));
  }

  /** Reads `ids` (skipping any already being read) and returns the samples of those answered. */
  async function read(client: DockerClient, ids: readonly string[], host: HostCapacity): Promise<Map<string, StatsSample>> {
    const oneShot = supportsOneShot(deps.apiVersion());
    const queue = ids.filter((id) => !inFlight.has(id));
    const out = new Map<string, StatsSample>();
    const gone: string[] = [];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        inFlight.add(id);
        const result = await fetchStats(client, id, oneShot, now).finally(() => inFlight.delete(id));
        if (disposed) return;
        if (result.kind === 'gone') gone.push(id);
        if (result.kind !== 'answer') continue;
        const reading = readStats(result.raw, result.receivedAt);
        if (!reading) continue;
        const state = states.get(id) ?? { last: null, latest: null };
        const prev = state.last && reading.at - state.last.at <= MAX_DELTA_MS ? state.last : null;
        const sample = toSample(prev, reading, result.receivedAt, host);
        states.set(id, { last: reading, latest: sample });
        out.set(id, sample);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    if (gone.length) forget(gone, false);
    return out;
  }

  function deliver(samples: ReadonlyMap<string, StatsSample>, recordHistory: ReadonlySet<string>): void {
    for (const [id, sample] of samples) if (recordHistory.has(id)) history.push(id, sample);
    for (const h of activeHolders()) {
      const mine = new Map<string, StatsSample>();
      for (const id of h.ids) {
        const sample = samples.get(id);
        if (sample) mine.set(id, sample);
      }
      if (mine.size) h.listener.samples?.(mine);
    }
  }

  async function tick(): Promise<void> {
    const client = deps.client();
    if (disposed || !client || !hasInterest()) return;
    ticking = true;
    lastTickAt = now();
    try {
      const host = await hostCapacity(client).catch((): HostCapacity => ({ cpus: null, memoryBytes: null }));
      const running = runningIds();
      const fast = new Set([...wantedIds()].filter((id) => running.has(id)));
      // What is on screen first, so a long totals round never delays it.
      const samples = await read(client, [...fast], host);
      if (disposed) return;
      deliver(samples, fast);
      if (!wantsTotals()) return;
      await read(client, dueForTotals(running, fast), host);
      if (disposed) return;
      totals = sumTotals(running, states, host, now(), MAX_DELTA_MS);
      for (const h of activeHolders()) if (h.totals) h.listener.totals?.(totals);
      for (const listener of [...totalsListeners]) listener(totals);
    } finally {
      ticking = false;
      schedule();
    }
  }

  /**
   * The running containers off screen whose reading is due for the totals, oldest first,
   * spread over the rounds (a share of them per round) instead of all in one burst
   * every 10 s. Due a little early so they line up with a round.
   */
  function dueForTotals(running: ReadonlySet<string>, fast: ReadonlySet<string>): string[] {
    const dueBefore = now() - totalsIntervalMs + intervalMs / 2;
    const age = (id: string) => states.get(id)?.latest?.t ?? 0;
    const due = [...running].filter((id) => !fast.has(id) && age(id) <= dueBefore).sort((a, b) => age(a) - age(b));
    const perRound = Math.max(8, Math.ceil(((running.size - fast.size) * intervalMs * 1.5) / totalsIntervalMs));
    return due.slice(0, perRound);
  }

  /** New ids in view are read at once, so memory shows now and CPU % from the next round. */
  async function prime(ids: readonly string[]): Promise<void> {
    const client = deps.client();
    const running = runningIds();
    const fresh = now() - MAX_DELTA_MS;
    const due = ids.filter((id) => running.has(id) && (states.get(id)?.last?.at ?? 0) < fresh);
    if (!client || due.length === 0 || lastTickAt + intervalMs - now() < intervalMs / 4) return;
    const host = await hostCapacity(client).catch((): HostCapacity => ({ cpus: null, memoryBytes: null }));
    const samples = await read(client, due, host);
    if (!disposed) deliver(samples, new Set(due.filter((id) => wantedIds().has(id))));
  }

  function forget(ids: readonly string[], removed: boolean): void {
    const told = ids.filter((id) => states.delete(id) || removed);
    for (const id of ids) if (removed) history.drop(id);
    if (!told.length) return;
    for (const h of activeHolders()) {
      const mine = told.filter((id) => h.ids.has(id));
      if (mine.length) h.listener.gone?.(mine);
    }
  }

  const unsubscribe = deps.containers.subscribe((change) => {
    if (change.kind === 'remove') forget([change.id], true);
    else if (change.kind === 'upsert' && !SAMPLED_STATES.has(change.container.state)) forget([change.container.id], false);
    else if (change.kind === 'upsert' && hasInterest() && wantedIds().has(change.container.id)) void prime([change.container.id]);
    else if (change.kind === 'snapshot') {
      const present = new Map(change.containers.map((c) => [c.id, c]));
      const stale = [...states.keys()].filter((id) => !SAMPLED_STATES.has(present.get(id)?.state ?? 'gone'));
      forget(stale, false);
    }
  });

  return {
    watch(listener, ids, options = {}) {
      const holder: Holder = { listener, ids: new Set(ids), totals: options.totals ?? false, origin: options.origin ?? 'window' };
      holders.add(holder);
      void prime([...holder.ids]);
      schedule();
      return {
        update(next, wantTotals) {
          if (!holders.has(holder)) return;
          const added = [...next].filter((id) => !holder.ids.has(id));
          holder.ids = new Set(next);
          holder.totals = wantTotals;
          if (added.length && !hiddenOrigins.has(holder.origin)) void prime(added);
          schedule();
        },
        close() {
          holders.delete(holder);
          schedule();
        },
      };
    },
    history: (id) => history.columns(id, now()),
    setOriginVisible(origin, visible) {
      if (visible) hiddenOrigins.delete(origin);
      else hiddenOrigins.add(origin);
      schedule();
    },
    latestTotals: () => totals,
    onTotals(listener) {
      totalsListeners.add(listener);
      return () => totalsListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
      holders.clear();
      totalsListeners.clear();
      states.clear();
      history.clear();
    },
  };
}
