import { useEffect, useMemo, useState } from 'react';
import type { ChangedPath, WritableLayerSize } from '../../../src-common/models/images';
import { api } from '../../api/client';
import { formatBytes } from '../format';
import { writableLayerStrings as t } from './writable-layer-strings';
import { RefreshCw } from 'lucide-react';
import { Badge, type Tone } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { FactList } from '../../ui/FactList';
import { SearchField } from '../../ui/SearchField';
import { Section } from '../../ui/Section';
import { Toolbar } from '../../ui/Toolbar';

const kindTone: Record<ChangedPath['kind'], Tone> = { added: 'success', modified: 'warning', deleted: 'danger' };
const columns: Column<ChangedPath>[] = [
  { key: 'kind', header: t.kindColumn, width: '110px', cell: (c) => <Badge tone={kindTone[c.kind]}>{t.kinds[c.kind]}</Badge>, title: (c) => t.kinds[c.kind] },
  { key: 'path', header: t.pathColumn, overflow: 'anywhere', cell: (c) => <code>{c.path}</code> },
];

/**
 * The container's own writable layer: its size (SizeRw, computed by the engine only when
 * asked, never on a timer) and the paths it added, changed or deleted on top of the image.
 */
export function WritableLayerTab({ id, name }: { id: string; name: string }) {
  const [size, setSize] = useState<WritableLayerSize | null>(null);
  const [sizing, setSizing] = useState(false);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [changes, setChanges] = useState<ChangedPath[] | null>(null);
  const [changesError, setChangesError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    setChangesError(null);
    api.call('containers.changedPaths', { id }).then(
      (c) => current && setChanges(c),
      (err: unknown) => current && setChangesError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      current = false;
    };
  }, [id, reload]);

  const computeSize = async () => {
    setSizing(true);
    setSizeError(null);
    try {
      setSize(await api.call('containers.writableLayerSize', { id }));
    } catch (err) {
      setSizeError(err instanceof Error ? err.message : String(err));
    } finally {
      setSizing(false);
    }
  };

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (changes ?? []).filter((c) => !q || c.path.toLowerCase().includes(q));
  }, [changes, filter]);
  const counts = useMemo(() => {
    const out = { added: 0, modified: 0, deleted: 0 };
    for (const c of changes ?? []) out[c.kind] += 1;
    return out;
  }, [changes]);

  return (
    <div className="changes-view">
      <Section title={t.sizeTitle}>
        <p className="ui-muted">{t.sizeLead}</p>
        <Toolbar>
          <Button size="sm" loading={sizing} onClick={() => void computeSize()} aria-label={t.computeLabel(name)}>
            {sizing ? t.computing : t.compute}
          </Button>
        </Toolbar>
        {size && (
          <div aria-live="polite">
            <FactList
              facts={[
                [t.sizeRw, formatBytes(size.sizeRw)],
                [t.sizeRootFs, formatBytes(size.sizeRootFs)],
              ]}
            />
          </div>
        )}
        {sizeError && (
          <Banner tone="danger" role="alert">
            {sizeError}
          </Banner>
        )}
      </Section>
      <Section title={t.changesTitle}>
        <Toolbar>
          <SearchField label={t.filter} placeholder={t.filter} value={filter} onChange={setFilter} />
          <Button size="sm" icon={RefreshCw} onClick={() => setReload((n) => n + 1)}>
            {t.refresh}
          </Button>
          {changes && <span className="ui-count">{t.counts(counts.added, counts.modified, counts.deleted)}</span>}
        </Toolbar>
        {changesError && (
          <Banner tone="danger" role="alert">
            {changesError}
          </Banner>
        )}
        {!changes && !changesError && <p className="placeholder">{t.loading}</p>}
        {changes && changes.length === 0 && <EmptyState compact title={t.none} />}
        {changes && changes.length > 0 && shown.length === 0 && <EmptyState compact title={t.noMatch} actions={<Button size="sm" onClick={() => setFilter('')}>{t.clearFilter}</Button>} />}
        {shown.length > 0 && <DataTable label={t.tableLabel} columns={columns} rows={shown} rowKey={(c) => c.path} />}
      </Section>
    </div>
  );
}
