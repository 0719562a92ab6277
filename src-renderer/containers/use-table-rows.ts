import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBerthStore } from '../store/store';
import { deriveRows, type TableRow } from './rows';
import { usageStore } from '../stats/usage-store';
import { useUsageVersion } from '../stats/use-usage';

/** The table's rows, recomputed when the containers or the view options change. */
export function useTableRows(): { rows: TableRow[]; total: number } {
  const { containers, filterText, runningOnly, sort, collapsedGroups } = useBerthStore(
    useShallow((s) => ({
      containers: s.containers,
      filterText: s.filterText,
      runningOnly: s.runningOnly,
      sort: s.sort,
      collapsedGroups: s.collapsedGroups,
    })),
  );
  // Sorted by CPU or memory, the order follows each round of readings (every ~2 s).
  const byUsage = sort.column === 'cpu' || sort.column === 'memory';
  const usageVersion = useUsageVersion(byUsage);
  const rows = useMemo(
    () =>
      deriveRows(Object.values(containers), {
        filterText,
        runningOnly,
        sort,
        collapsedGroups,
        ...(byUsage ? { usage: usageStore.get } : {}),
      }),
    // usageVersion: a new round of readings re-sorts.
    [containers, filterText, runningOnly, sort, collapsedGroups, byUsage, usageVersion],
  );
  return { rows, total: Object.keys(containers).length };
}
