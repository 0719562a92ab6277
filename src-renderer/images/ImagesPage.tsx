import { useMemo } from 'react';
import { Layers, SearchX } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { resyncLists } from '../api/resync';
import { LoadFailed } from '../shared/LoadFailed';
import { useBerthStore } from '../store/store';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { SearchField } from '../ui/SearchField';
import { Toolbar } from '../ui/Toolbar';
import { imageToolbarActions } from './image-actions';
import { tableRows } from './image-rows';
import { ImagesTable } from './ImagesTable';
import { imageStrings as t } from './strings';
import { useImagesLive } from './use-images-live';
import './images.css';

function PageActions() {
  return (
    <Toolbar label={t.toolbar}>
      {imageToolbarActions.map((a) => (
        <Button key={a.key} icon={a.icon} variant={a.primary ? 'primary' : 'secondary'} onClick={() => a.run()}>
          {a.text}
        </Button>
      ))}
    </Toolbar>
  );
}

function Empty({ total }: { total: number }) {
  if (total > 0) {
    return (
      <EmptyState
        icon={SearchX}
        title={t.emptyFiltered}
        actions={<Button onClick={() => useBerthStore.getState().setImageFilter({ text: '', danglingOnly: false, unusedOnly: false })}>{t.clearFilter}</Button>}
      >
        {t.emptyFilteredHint}
      </EmptyState>
    );
  }
  const pull = imageToolbarActions.find((a) => a.key === 'pull');
  const build = imageToolbarActions.find((a) => a.key === 'build');
  return (
    <EmptyState
      icon={Layers}
      title={t.empty}
      actions={[pull, build].map(
        (a) =>
          a && (
            <Button key={a.key} icon={a.icon} variant={a.primary ? 'primary' : 'secondary'} onClick={() => a.run()}>
              {a.text}
            </Button>
          ),
      )}
    >
      {t.emptyHint}
    </EmptyState>
  );
}

export function ImagesPage() {
  useImagesLive();
  const { images, loaded, loadError, filter, sort } = useBerthStore(
    useShallow((s) => ({ images: s.images, loaded: s.imagesLoaded, loadError: s.imagesLoadError, filter: s.imageFilter, sort: s.imageSort })),
  );
  const setFilter = useBerthStore((s) => s.setImageFilter);
  const { rows, total } = useMemo(() => tableRows(images, filter, sort), [images, filter, sort]);

  return (
    <section className="ui-page images-page" aria-labelledby="images-title">
      <PageHeader title={t.title} titleId="images-title" actions={<PageActions />} />
      <Toolbar>
        <SearchField className="filter-input" label={t.filterLabel} placeholder={t.filterPlaceholder} value={filter.text} onChange={(text) => setFilter({ text })} />
        <Checkbox label={t.danglingOnly} checked={filter.danglingOnly} onChange={(danglingOnly) => setFilter({ danglingOnly })} />
        <Checkbox label={t.unusedOnly} checked={filter.unusedOnly} onChange={(unusedOnly) => setFilter({ unusedOnly })} />
        <span className="ui-count" aria-live="polite">
          {t.count(rows.length, total)}
        </span>
      </Toolbar>
      {loadError && <LoadFailed message={t.listFailed(loadError.message)} onRetry={resyncLists} />}
      {!loaded ? (
        !loadError && <p className="placeholder">{t.loading}</p>
      ) : rows.length === 0 ? (
        <Empty total={total} />
      ) : (
        <ImagesTable rows={rows} />
      )}
    </section>
  );
}
