import { useMemo } from 'react';
import { resyncLists } from '../api/resync';
import { LoadFailed } from '../shared/LoadFailed';
import { useBerthStore } from '../store/store';
import { ContainersTable } from './ContainersTable';
import { ContainersToolbar } from './ContainersToolbar';
import { shownContainerIds } from './rows';
import { containerStrings as t } from './strings';
import { useTableRows } from './use-table-rows';

export function ContainersPage() {
  const loaded = useBerthStore((s) => s.containersLoaded);
  const loadError = useBerthStore((s) => s.containersLoadError);
  const { rows, total } = useTableRows();
  const shownIds = useMemo(() => shownContainerIds(rows), [rows]);
  const shownCount = useMemo(
    () => rows.reduce((n, r) => n + (r.kind === 'container' ? 1 : r.collapsed ? r.memberIds.length : 0), 0),
    [rows],
  );

  return (
    <section className="page containers-page" aria-labelledby="containers-title">
      <h1 id="containers-title" className="page-title">
        {t.title}
      </h1>
      <ContainersToolbar shownIds={shownIds} shownCount={shownCount} total={total} />
      {loadError && <LoadFailed message={t.listFailed(loadError.message)} onRetry={resyncLists} />}
      {!loaded ? (
        !loadError && 
        <p className="placeholder">{t.loading}</p>
      ) : rows.length === 0 ? (
        <p className="placeholder">{total === 0 ? t.empty : t.emptyFiltered}</p>
      ) : (
        <ContainersTable rows={rows} />
      )}
    </section>
  );
}
