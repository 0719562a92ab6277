import type { StatsSample, StatsTotals } from '../../src-common/models/stats';

// The newest reading of each container, outside the zustand store (DESIGN.md: stats
// samples never go through it): a cell subscribes to its own id, so a round of samples
// re-renders only the cells whose figures came in, never the table.

type Listener = () => void;

const latest = new Map<string, StatsSample>();
const byId = new Map<string, Set<Listener>>();
const anyListeners = new Set<Listener>();
let version = 0;

export const usageStore = {
  get: (id: string): StatsSample | undefined => latest.get(id),
  /** Bumps on every round: what a usage sort listens to. */
  version: (): number => version,
  put(samples: readonly { id: string; sample: StatsSample }[]): void {
    for (const { id, sample } of samples) latest.set(id, sample);
    version += 1;
    for (const { id } of samples) byId.get(id)?.forEach((l) => l());
    anyListeners.forEach((l) => l());
  },
  /** Containers that stopped: they show nothing, not their last figures. */
  drop(ids: readonly string[]): void {
    const dropped = ids.filter((id) => latest.delete(id));
    if (!dropped.length) return;
    version += 1;
    for (const id of dropped) byId.get(id)?.forEach((l) => l());
    anyListeners.forEach((l) => l());
  },
  subscribe(id: string, listener: Listener): () => void {
    let set = byId.get(id);
    if (!set) byId.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) byId.delete(id);
    };
  },
  subscribeAll(listener: Listener): () => void {
    anyListeners.add(listener);
    return () => anyListeners.delete(listener);
  },
};

let totals: StatsTotals | null = null;
const totalsListeners = new Set<Listener>();

export const totalsStore = {
  get: (): StatsTotals | null => totals,
  put(next: StatsTotals | null): void {
    totals = next;
    totalsListeners.forEach((l) => l());
  },
  subscribe(listener: Listener): () => void {
    totalsListeners.add(listener);
    return () => totalsListeners.delete(listener);
  },
};
