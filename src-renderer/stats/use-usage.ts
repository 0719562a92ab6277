import { useCallback, useSyncExternalStore } from 'react';
import type { StatsSample, StatsTotals } from '../../src-common/models/stats';
import { totalsStore, usageStore } from './usage-store';

/** One container's newest reading; re-renders only when that container's figures change. */
export function useUsage(id: string): StatsSample | undefined {
  const subscribe = useCallback((l: () => void) => usageStore.subscribe(id, l), [id]);
  return useSyncExternalStore(subscribe, () => usageStore.get(id));
}

/** The sum over some containers (a compose project's members), re-rendered when any of them changes. */
export function useUsageSum(ids: readonly string[]): { cpuPercent: number; memoryBytes: number; measured: number } | null {
  const key = ids.join(',');
  const subscribe = useCallback(
    (l: () => void) => {
      const stops = key.split(',').map((id) => usageStore.subscribe(id, l));
      return () => stops.forEach((stop) => stop());
    },
    [key],
  );
  // The version is the snapshot (a number, so equal rounds do not re-render); the sum follows from it.
  useSyncExternalStore(subscribe, usageStore.version);
  let cpuPercent = 0;
  let memoryBytes = 0;
  let measured = 0;
  for (const id of ids) {
    const s = usageStore.get(id);
    if (!s) continue;
    measured += 1;
    cpuPercent += s.cpuPercent ?? 0;
    memoryBytes += s.memoryBytes ?? 0;
  }
  return measured ? { cpuPercent, memoryBytes, measured } : null;
}

/** Bumps on every round: for a sort by usage. */
export function useUsageVersion(enabled: boolean): number {
  const subscribe = useCallback((l: () => void) => (enabled ? usageStore.subscribeAll(l) : () => {}), [enabled]);
  return useSyncExternalStore(subscribe, () => (enabled ? usageStore.version() : 0));
}

export function useTotals(): StatsTotals | null {
  return useSyncExternalStore(totalsStore.subscribe, totalsStore.get);
}
