import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { FileEntry } from '../../src-common/models/files';
import { compareEntries } from './file-paths';
import type { FolderListing } from './use-folder-listing';

/** Rows on one page of a folder: a DataTable of 200 rows renders in a frame. */
export const FOLDER_PAGE_SIZE = 200;
/** Typing pauses this long before a filter goes to the engine side (big folders only). */
const SERVER_FILTER_DELAY_MS = 300;

/** What the engine side accepts as a name filter (no "/" or NUL). */
const serverFilterOf = (filter: string) => filter.replace(/[/\0]/g, '').trim();

export interface FolderView {
  /** The rows of the current page, sorted (folders first, then by name). */
  rows: FileEntry[];
  /** Entries that pass the filter, across all pages. */
  shownCount: number;
  page: number;
  pageCount: number;
  setPage(page: number): void;
  filter: string;
  setFilter(filter: string): void;
  /** The filter the listing was asked for on the engine side ('' when filtered here). */
  serverFilter: string;
}

/**
 * Filter and pages over a folder listing. The filter narrows the listed entries at once;
 * a folder with more entries than were sent (past the entry limit) also sends the filter
 * to the engine side, so any of its entries can be reached by name. Only one page of rows
 * is rendered, whatever the folder's size.
 */
export function useFolderView(listing: FolderListing, folderKey: string, serverFilter: string, setServerFilter: (f: string) => void): FolderView {
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const [tooBig, setTooBig] = useState(false);
  const deferred = useDeferredValue(filter);

  useEffect(() => {
    setFilter('');
    setPage(0);
    setTooBig(false);
    setServerFilter('');
  }, [folderKey, setServerFilter]);
  useEffect(() => {
    if (listing.complete === false && serverFilter === '') setTooBig(true);
  }, [listing.complete, serverFilter]);
  useEffect(() => {
    if (!tooBig) return;
    const id = setTimeout(() => setServerFilter(serverFilterOf(filter)), SERVER_FILTER_DELAY_MS);
    return () => clearTimeout(id);
  }, [filter, tooBig, setServerFilter]);
  useEffect(() => setPage(0), [deferred]);

  const sorted = useMemo(() => [...listing.entries].sort(compareEntries), [listing.entries]);
  const matching = useMemo(() => {
    const needle = deferred.trim().toLowerCase();
    return needle === '' ? sorted : sorted.filter((e) => e.name.toLowerCase().includes(needle));
  }, [sorted, deferred]);
  const pageCount = Math.max(1, Math.ceil(matching.length / FOLDER_PAGE_SIZE));
  const current = Math.min(page, pageCount - 1);
  return {
    rows: matching.slice(current * FOLDER_PAGE_SIZE, (current + 1) * FOLDER_PAGE_SIZE),
    shownCount: matching.length,
    page: current,
    pageCount,
    setPage,
    filter,
    setFilter,
    serverFilter,
  };
}
