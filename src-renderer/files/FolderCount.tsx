import { ChevronLeft, ChevronRight } from 'lucide-react';
import { IconButton } from '../ui/IconButton';
import { SearchField } from '../ui/SearchField';
import { fileStrings as t } from './strings';
import type { FolderListing } from './use-folder-listing';
import { FOLDER_PAGE_SIZE, type FolderView } from './use-folder-view';

/** What the count line says once a folder has been read. */
function countText(listing: FolderListing, view: FolderView): string {
  const total = listing.total ?? listing.entries.length;
  const filter = view.filter.trim();
  if (filter === '') return listing.complete === false ? t.count.firstOf(listing.entries.length, total) : t.count.all(total);
  // Filtered on the engine side: the listing itself says how many matched.
  if (view.serverFilter !== '' && view.serverFilter === filter && listing.matched !== null && listing.complete === false)
    return t.count.firstMatching(view.shownCount, listing.matched, total, filter);
  return t.count.matching(view.shownCount, total, filter);
}

/** The filter box, the folder's count and the page buttons above a folder's table. */
export function FolderCount({ listing, view, path }: { listing: FolderListing; view: FolderView; path: string }) {
  const read = listing.complete !== null;
  const first = view.page * FOLDER_PAGE_SIZE;
  return (
    <div className="file-count">
      <SearchField label={t.filterLabel(path)} placeholder={t.filterPlaceholder} value={view.filter} onChange={view.setFilter} />
      {read && (
        <span role="status" className="file-count-text" data-total={listing.total ?? undefined}>
          {countText(listing, view)}
        </span>
      )}
      {view.pageCount > 1 && (
        <span className="file-pages">
          <span>{t.count.page(first + 1, Math.min(first + FOLDER_PAGE_SIZE, view.shownCount), view.shownCount)}</span>
          <IconButton size="sm" icon={ChevronLeft} label={t.count.previous} disabled={view.page === 0} onClick={() => view.setPage(view.page - 1)} />
          <IconButton size="sm" icon={ChevronRight} label={t.count.next} disabled={view.page >= view.pageCount - 1} onClick={() => view.setPage(view.page + 1)} />
        </span>
      )}
    </div>
  );
}
