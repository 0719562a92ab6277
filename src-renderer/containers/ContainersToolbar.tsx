import { Play, RotateCw, Square, Trash2 } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useBerthStore } from '../store/store';
import type { ContainerAction } from '../store/types';
import { Button } from '../ui/Button';
import { useNotLiveReason } from '../shell/engine-live';
import { Checkbox } from '../ui/Checkbox';
import { SearchField } from '../ui/SearchField';
import { Toolbar, ToolbarSpacer } from '../ui/Toolbar';
import { runOnAll } from './actions';
import { containerStrings as t } from './strings';

/** Filter, the running-only switch, the count, and — while rows are selected — the bulk actions. */
export function ContainersToolbar({ shownCount, total }: { shownCount: number; total: number }) {
  const notLive = useNotLiveReason();
  const { filterText, runningOnly, selection } = useBerthStore(
    useShallow((s) => ({ filterText: s.filterText, runningOnly: s.runningOnly, selection: s.selection })),
  );
  const { setFilterText, setRunningOnly, setSelection, askRemove } = useBerthStore.getState();
  const selected = [...selection];
  const bulk = (action: ContainerAction) => () => void runOnAll(selected, action);

  return (
    <Toolbar>
      <SearchField className="filter-input" label={t.filterLabel} placeholder={t.filterPlaceholder} value={filterText} onChange={setFilterText} />
      <Checkbox label={t.runningOnly} checked={runningOnly} onChange={setRunningOnly} />
      <span className="count" aria-live="polite">
        {t.count(shownCount, total)}
      </span>
      <ToolbarSpacer />
      {selection.size > 0 && (
        <div className="bulk" role="toolbar" aria-label={t.bulk.toolbar}>
          <span className="count">{t.selectedCount(selection.size)}</span>
          <Button size="sm" icon={Play} disabled={notLive !== null} disabledReason={notLive} onClick={bulk('start')}>
            {t.bulk.start}
          </Button>
          <Button size="sm" icon={Square} disabled={notLive !== null} disabledReason={notLive} onClick={bulk('stop')}>
            {t.bulk.stop}
          </Button>
          <Button size="sm" icon={RotateCw} disabled={notLive !== null} disabledReason={notLive} onClick={bulk('restart')}>
            {t.bulk.restart}
          </Button>
          <Button size="sm" icon={Trash2} variant="danger" disabled={notLive !== null} disabledReason={notLive} onClick={() => askRemove(selected)}>
            {t.bulk.remove}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelection([])}>
            {t.bulk.clear}
          </Button>
        </div>
      )}
    </Toolbar>
  );
}
