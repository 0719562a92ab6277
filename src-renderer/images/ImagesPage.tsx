import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { resyncLists } from '../api/resync';
import { LoadFailed } from '../shared/LoadFailed';
import { useBerthStore } from '../store/store';
import { imageToolbarActions } from './image-actions';
import { tableRows } from './image-rows';
import { ImagesTable } from './ImagesTable';
import { imageStrings as t } from './strings';
import { useImagesLive } from './use-images-live';
import './images.css';

export function ImagesPage() {
  useImagesLive();
  const { images, loaded, loadError, filter, sort } = useBerthStore(
    useShallow((s) => ({ images: s.images, loaded: s.imagesLoaded, loadError: s.imagesLoadError, filter: s.imageFilter, sort: s.imageSort })),
  );
  const setFilter = useBerthStore((s) => s.setImageFilter);
  const { rows, total } = useMemo(() => tableRows(images, filter, sort), [images, filter, sort]);

  return (
    <section className="page images-page" aria-labelledby="images-title">
      <h1 id="images-title" className="page-title">
        {t.title}
      </h1>
      <div className="toolbar-area">
        <div className="filters">
          <input
            type="search"
            className="filter-input"
            aria-label={t.filterLabel}
            placeholder={t.filterPlaceholder}
            value={filter.text}
            onChange={(e) => setFilter({ text: e.target.value })}
          />
          <label className="check">
            <input type="checkbox" checked={filter.danglingOnly} onChange={(e) => setFilter({ danglingOnly: e.target.checked })} />
            {t.danglingOnly}
          </label>
          <label className="check">
            <input type="checkbox" checked={filter.unusedOnly} onChange={(e) => setFilter({ unusedOnly: e.target.checked })} />
            {t.unusedOnly}
          </label>
          <span className="count" aria-live="polite">
            {t.count(rows.length, total)}
          </span>
        </div>
        <div className="bulk" role="toolbar" aria-label={t.toolbar}>
          {imageToolbarActions.map((a) => (
            <button key={a.key} type="button" className="button" onClick={() => a.run()}>
              {a.text}
            </button>
          ))}
        </div>
      </div>
      {loadError && <LoadFailed message={t.listFailed(loadError.message)} onRetry={resyncLists} />}
      {!loaded ? (
        !loadError && <p className="placeholder">{t.loading}</p>
      ) : rows.length === 0 ? (
        <p className="placeholder">{total === 0 ? t.empty : t.emptyFiltered}</p>
      ) : (
        <ImagesTable rows={rows} />
      )}
    </section>
  );
}
