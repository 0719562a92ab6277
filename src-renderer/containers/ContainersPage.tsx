import { useMemo } from 'react';
import { Container, Plus, SearchX } from 'lucide-react';
import { openRunDialog } from '../run/run-dialog-state';
import { runStrings } from '../run/strings';
import { resyncLists } from '../api/resync';
import { LoadFailed } from '../shared/LoadFailed';
import { useBerthStore } from '../store/store';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { ContainersTable } from './ContainersTable';
import { ContainersToolbar } from './ContainersToolbar';
import { shownContainerIds } from './rows';
import { containerStrings as t } from './strings';
import { useTableRows } from './use-table-rows';
import { isEngineLive } from '../shell/engine-live';
import { shellStrings } from '../shell/strings';
import './containers.css';

function Empty({ total }: { total: number }) {
  const clear = () => {
    const s = useBerthStore.getState();
    s.setFilterText('');
    s.setRunningOnly(false);
  };
  return total === 0 ? (
    <EmptyState
      icon={Container}
      title={t.empty}
      actions={
        <Button variant="primary" icon={Plus} onClick={() => openRunDialog()}>
          {runStrings.openFirstButton}
        </Button>
      }
    >
      {t.emptyHint}
    </EmptyState>
  ) : (
    <EmptyState icon={SearchX} title={t.emptyFiltered} actions={<Button onClick={clear}>{t.clearFilter}</Button>}>
      {t.emptyFilteredHint}
    </EmptyState>
  );
}

export function ContainersPage() {
  const loaded = useBerthStore((s) => s.containersLoaded);
  const loadError = useBerthStore((s) => s.containersLoadError);
  // Not live: the list stays (it is what was there), dimmed and dated.
  const lostAt = useBerthStore((s) => (isEngineLive(s) ? null : (s.engineLostAt ?? s.engineStatusAt)));
  const { rows, total } = useTableRows();
  const shownIds = useMemo(() => shownContainerIds(rows), [rows]);
  const shownCount = useMemo(
    () => rows.reduce((n, r) => n + (r.kind === 'container' ? 1 : r.collapsed ? r.memberIds.length : 0), 0),
    [rows],
  );

  return (
    <section className="ui-page containers-page" aria-labelledby="containers-title">
      <PageHeader
        title={t.title}
        titleId="containers-title"
        actions={
          <Button variant="primary" icon={Plus} onClick={() => openRunDialog()}>
            {runStrings.openButton}
          </Button>
        }
      />
      <ContainersToolbar shownCount={shownCount} total={total} />
      {loadError && <LoadFailed message={t.listFailed(loadError.message)} onRetry={resyncLists} />}
      {loaded && lostAt !== null && (
        <p className="stale-note" role="status" aria-label={shellStrings.stale.asOfLabel}>
          {shellStrings.stale.asOf(new Date(lostAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }))}
        </p>
      )}
      <div className={lostAt !== null ? 'containers-body is-stale' : 'containers-body'}>
        {!loaded ? (
          !loadError && <p className="placeholder">{t.loading}</p>
        ) : rows.length === 0 ? (
          <Empty total={total} />
        ) : (
          <ContainersTable rows={rows} shownIds={shownIds} />
        )}
      </div>
    </section>
  );
}
