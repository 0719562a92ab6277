import { useEffect, useState } from 'react';
import { Eraser, HardDrive, Ruler } from 'lucide-react';
import type { DiskUsage, UsageCategory } from '../../src-common/models/system';
import { api } from '../api/client';
import { formatBytes } from '../containers/format';
import { measuredAgo } from '../shared/measured-ago';
import { useNow } from '../shell/use-now';
import { useBerthStore } from '../store/store';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { DataTable, type Column } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { errorText } from '../volumes/volume-actions';
import { PruneVolumesDialog } from '../volumes/PruneVolumesDialog';
import { BuildCacheCleanup, ContainersCleanup } from './cleanups';
import { diskStrings as t } from './strings';
import './disk-usage.css';

type Category = keyof typeof t.categories;
const CATEGORIES: Category[] = ['images', 'containers', 'volumes', 'buildCache'];

/** The last measurement, kept for the next visit to the page (a measurement is costly). */
let lastUsage: DiskUsage | null = null;

const bytes = (n: number) => <span data-bytes={n}>{formatBytes(n)}</span>;

export function DiskUsagePage() {
  const [usage, setUsage] = useState<DiskUsage | null>(lastUsage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cleanup, setCleanup] = useState<Category | null>(null);
  const now = useNow(1_000);

  const measure = async () => {
    setBusy(true);
    setError(null);
    try {
      const fresh = await api.call('system.diskUsage', {});
      lastUsage = fresh;
      setUsage(fresh);
      // The same measurement holds every volume's size: the volumes page shows them too.
      useBerthStore.getState().setVolumeSizes({ measuredAt: fresh.measuredAt, sizes: fresh.volumeSizes });
    } catch (err) {
      setError(t.failed(errorText(err)));
    } finally {
      setBusy(false);
    }
  };

  // Opening the page is asking for the numbers, once; after that only the button measures.
  useEffect(() => {
    if (!lastUsage) void measure();
  }, []);

  // The images clean-up is the images feature's own dialog; a fresh measurement follows it.
  const imageDialog = useBerthStore((s) => s.imageDialog);
  const [imagesOpen, setImagesOpen] = useState(false);
  useEffect(() => {
    if (imagesOpen && imageDialog === null) {
      setImagesOpen(false);
      void measure();
    }
  }, [imageDialog, imagesOpen]);

  const open = (category: Category) => {
    if (category !== 'images') return setCleanup(category);
    setImagesOpen(true);
    useBerthStore.getState().openImageDialog({ kind: 'prune' });
  };
  const close = () => setCleanup(null);
  const done = () => void measure();

  const columns: Column<Category>[] = [
    { key: 'category', header: t.columns.category, cell: (c) => <span data-category={c}>{t.categories[c]}</span>, title: (c) => t.categories[c] },
    { key: 'count', header: t.columns.count, numeric: true, width: '90px', cell: (c) => String(usage![c].count) },
    { key: 'active', header: t.columns.active, numeric: true, width: '90px', cell: (c) => String(usage![c].active), title: (c) => t.activeHint[c] },
    { key: 'size', header: t.columns.size, numeric: true, width: '120px', cell: (c) => bytes(usage![c].size) },
    { key: 'reclaimable', header: t.columns.reclaimable, numeric: true, width: '130px', cell: (c) => bytes((usage![c] as UsageCategory).reclaimable) },
    {
      key: 'actions',
      header: t.columns.actions,
      hideHeader: true,
      width: '220px',
      overflow: 'wrap',
      cell: (c) => (
        <Button size="sm" icon={Eraser} onClick={() => open(c)}>
          {t.cleanUp(t.categories[c])}
        </Button>
      ),
    },
  ];

  return (
    <section className="ui-page disk-usage-page" aria-labelledby="disk-usage-title">
      <PageHeader
        title={t.title}
        titleId="disk-usage-title"
        actions={
          <Button variant={usage ? 'secondary' : 'primary'} icon={Ruler} loading={busy} onClick={() => void measure()}>
            {usage ? t.measure : t.measureFirst}
          </Button>
        }
      >
        <span role="status">{busy ? t.measuring : usage ? t.measured(measuredAgo(usage.measuredAt, now), t.seconds(usage.tookMs)) : t.notMeasured}</span>
      </PageHeader>
      <p className="note disk-intro">{t.intro}</p>
      {error && (
        <Banner tone="danger" role="alert" onDismiss={() => setError(null)}>
          {error}
        </Banner>
      )}
      {usage ? (
        <DataTable label={t.tableLabel} columns={columns} rows={CATEGORIES} rowKey={(c) => c} rowProps={(c) => ({ 'data-category': c })} />
      ) : (
        !busy && <EmptyState icon={HardDrive} title={t.notMeasured} />
      )}
      {cleanup === 'containers' && <ContainersCleanup onClose={close} onDone={done} />}
      {cleanup === 'buildCache' && <BuildCacheCleanup onClose={close} onDone={done} />}
      {cleanup === 'volumes' && <PruneVolumesDialog onClose={close} onDone={done} />}
    </section>
  );
}
