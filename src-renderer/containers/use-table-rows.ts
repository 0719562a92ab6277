import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBerthStore } from '../store/store';
import { deriveRows, type TableRow } from './rows';

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
  const rows = useMemo(
    () => deriveRows(Object.values(containers), { filterText, runningOnly, sort, collapsedGroups }),
    [containers, filterText, runningOnly, sort, collapsedGroups],
  );
  return { rows, total: Object.keys(containers).length };
}
