import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBerthStore } from '../store/store';
import type { ContainerAction } from '../store/types';
import { runOnAll } from './actions';
import { containerStrings as t } from './strings';
import { openRunDialog } from '../run/run-dialog-state';
import { runStrings } from '../run/strings';

export function ContainersToolbar({ shownIds, shownCount, total }: { shownIds: string[]; shownCount: number; total: number }) {
  const { filterText, runningOnly, selection } = useBerthStore(
    useShallow((s) => ({ filterText: s.filterText, runningOnly: s.runningOnly, selection: s.selection })),
  );
  const { setFilterText, setRunningOnly, setSelection, askRemove } = useBerthStore.getState();

  const selectedShown = shownIds.filter((id) => selection.has(id)).length;
  const allShown = shownIds.length > 0 && selectedShown === shownIds.length;
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = selectedShown > 0 && !allShown;
  }, [selectedShown, allShown]);

  const selected = [...selection];
  const bulk = (action: ContainerAction) => () => void runOnAll(selected, action);

  return (
    <div className="toolbar-area">
      <div className="filters">
        <input
          type="search"
          className="filter-input"
          aria-label={t.filterLabel}
          placeholder={t.filterPlaceholder}
          value={filterText}
          onChange={(e) => setFilterText(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={runningOnly} onChange={(e) => setRunningOnly(e.target.checked)} />
          {t.runningOnly}
        </label>
        <span className="count" aria-live="polite">
          {t.count(shownCount, total)}
        </span>
        <button type="button" className="button-primary" onClick={() => openRunDialog()}>
          {runStrings.openButton}
        </button>
      </div>
      <div className="bulk" role="toolbar" aria-label={t.bulk.toolbar}>
        <label className="check">
          <input
            ref={selectAllRef}
            type="checkbox"
            checked={allShown}
            disabled={shownIds.length === 0}
            onChange={(e) => setSelection(e.target.checked ? new Set([...selection, ...shownIds]) : [])}
          />
          {t.selectAllShown}
        </label>
        {selection.size > 0 && <span className="count">{t.selectedCount(selection.size)}</span>}
        <button type="button" className="button" disabled={selection.size === 0} onClick={bulk('start')}>
          {t.bulk.start}
        </button>
        <button type="button" className="button" disabled={selection.size === 0} onClick={bulk('stop')}>
          {t.bulk.stop}
        </button>
        <button type="button" className="button" disabled={selection.size === 0} onClick={bulk('restart')}>
          {t.bulk.restart}
        </button>
        <button type="button" className="button button-danger" disabled={selection.size === 0} onClick={() => askRemove(selected)}>
          {t.bulk.remove}
        </button>
        {selection.size > 0 && (
          <button type="button" className="button-quiet" onClick={() => setSelection([])}>
            {t.bulk.clear}
          </button>
        )}
      </div>
    </div>
  );
}
