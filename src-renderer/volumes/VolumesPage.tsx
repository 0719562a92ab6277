import { useMemo, useState } from 'react';
import { Database, Eraser, Plus, Ruler, SearchX } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../shell/use-now';
import { measuredAgo } from '../shared/measured-ago';
import { useBerthStore } from '../store/store';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { SearchField } from '../ui/SearchField';
import { Toolbar, ToolbarSpacer } from '../ui/Toolbar';
import { errorText, measureVolumeSizes } from './volume-actions';
import { volumeRows } from './volume-rows';
import { VolumesTable } from './VolumesTable';
import { volumeStrings as t } from './strings';
import { useVolumesLive } from './use-volumes-live';
import './volumes.css';

function Empty({ total }: { total: number }) {
  const open = useBerthStore.getState().openVolumeDialog;
  return total === 0 ? (
    <EmptyState
      icon={Database}
      title={t.empty}
      actions={
        <Button variant="primary" icon={Plus} onClick={() => open({ kind: 'create' })}>
          {t.create}
        </Button>
      }
    >
      {t.emptyHint}
    </EmptyState>
  ) : (
    <EmptyState
      icon={SearchX}
      title={t.emptyFiltered}
      actions={<Button onClick={() => useBerthStore.getState().setVolumeFilter({ text: '', unusedOnly: false })}>{t.clearFilter}</Button>}
    >
      {t.emptyFilteredHint}
    </EmptyState>
  );
}

/** Sizes on demand: the button, how old the measurement is, and a failure where it happened. */
function SizesControl() {
  const sizes = useBerthStore((s) => s.volumeSizes);
  const now = useNow(1_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const measure = async () => {
    setBusy(true);
    setError(null);
    try {
      await measureVolumeSizes();
    } catch (err) {
      setError(t.measureFailed(errorText(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <span className="count" aria-live="polite" title={t.measureHint}>
        {busy ? t.measuring : sizes ? t.measuredAgo(measuredAgo(sizes.measuredAt, now)) : null}
      </span>
      <Button size="sm" icon={Ruler} loading={busy} onClick={() => void measure()} title={t.measureHint}>
        {t.measure}
      </Button>
      {error && (
        <Banner tone="danger" role="alert" onDismiss={() => setError(null)}>
          {error}
        </Banner>
      )}
    </>
  );
}

export function VolumesPage() {
  useVolumesLive();
  const { volumes, loaded, filter, sort, sizes } = useBerthStore(
    useShallow((s) => ({ volumes: s.volumes, loaded: s.volumesLoaded, filter: s.volumeFilter, sort: s.volumeSort, sizes: s.volumeSizes })),
  );
  const { setVolumeFilter, openVolumeDialog } = useBerthStore.getState();
  const { rows, total } = useMemo(() => volumeRows(volumes, filter, sort, sizes), [volumes, filter, sort, sizes]);

  return (
    <section className="ui-page volumes-page" aria-labelledby="volumes-title">
      <PageHeader
        title={t.title}
        titleId="volumes-title"
        actions={
          <>
            <Button icon={Eraser} onClick={() => openVolumeDialog({ kind: 'prune' })}>
              {t.prune}
            </Button>
            <Button variant="primary" icon={Plus} onClick={() => openVolumeDialog({ kind: 'create' })}>
              {t.create}
            </Button>
          </>
        }
      />
      <Toolbar>
        <SearchField className="filter-input" label={t.filterLabel} placeholder={t.filterPlaceholder} value={filter.text} onChange={(text) => setVolumeFilter({ text })} />
        <Checkbox label={t.unusedOnly} checked={filter.unusedOnly} onChange={(unusedOnly) => setVolumeFilter({ unusedOnly })} />
        <span className="count" aria-live="polite">
          {t.count(rows.length, total)}
        </span>
        <ToolbarSpacer />
        <SizesControl />
      </Toolbar>
      {!loaded ? <p className="placeholder">{t.loading}</p> : rows.length === 0 ? <Empty total={total} /> : <VolumesTable rows={rows} sizes={sizes} />}
    </section>
  );
}
