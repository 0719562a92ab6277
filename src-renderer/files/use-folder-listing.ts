import { useEffect, useState } from 'react';
import type { FileEntry, FileTarget, PathStat } from '../../src-common/models/files';
import { api } from '../api/client';

export interface FolderListing {
  stat: PathStat | null;
  entries: FileEntry[];
  scanned: { bytes: number; entries: number } | null;
  /** null while reading; then whether every (matching) entry was sent. */
  complete: boolean | null;
  entryLimit: number;
  /** Once read: the folder's direct children, and how many matched the server-side filter. */
  total: number | null;
  matched: number | null;
  error: string | null;
  /** Stopped by the user before the end. */
  stopped: boolean;
}

const EMPTY: FolderListing = { stat: null, entries: [], scanned: null, complete: null, entryLimit: 0, total: null, matched: null, error: null, stopped: false };

/** How often batches that arrived are shown while a big folder streams in. */
const SHOW_EVERY_MS = 250;

/**
 * A folder's entries as the files.list stream delivers them. Batches are collected as
 * they come and shown at most every 250 ms, so a folder of 100,000 entries costs a few
 * renders, not 200. Leaving (another path, another page, another filter) unsubscribes,
 * which drops the engine request. `filter` is sent to the engine side (for folders past
 * the entry limit); `reload` bumps to read again.
 */
export function useFolderListing(target: FileTarget, path: string, reload: number, filter = ''): FolderListing & { stop(): void } {
  const [state, setState] = useState<FolderListing>(EMPTY);
  const [stopper, setStopper] = useState<(() => void) | null>(null);
  const key = JSON.stringify(target);

  useEffect(() => {
    setState(EMPTY);
    let open = true;
    const arrived: FileEntry[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      timer = undefined;
      if (!open || arrived.length === 0) return;
      const batch = arrived.splice(0);
      setState((s) => ({ ...s, entries: s.entries.concat(batch) }));
    };
    const unsubscribe = api.subscribe(
      'files.list',
      { target, path, ...(filter ? { filter } : {}) },
      (chunk) => {
        if (!open) return;
        switch (chunk.kind) {
          case 'entries':
            for (const e of chunk.entries) arrived.push(e);
            timer ??= setTimeout(show, SHOW_EVERY_MS);
            return;
          case 'stat':
            return setState((s) => ({ ...s, stat: chunk.stat }));
          case 'progress':
            return setState((s) => ({ ...s, scanned: { bytes: chunk.scannedBytes, entries: chunk.scannedEntries } }));
          case 'done':
            clearTimeout(timer);
            show();
            return setState((s) => ({ ...s, complete: chunk.complete, entryLimit: chunk.entryLimit, total: chunk.total, matched: chunk.matched }));
        }
      },
      (end) => {
        if (!open || end.reason !== 'error') return;
        setState((s) => ({ ...s, error: end.error?.message ?? 'failed' }));
      },
    );
    setStopper(() => () => {
      unsubscribe();
      clearTimeout(timer);
      show();
      setState((s) => (s.complete === null ? { ...s, stopped: true } : s));
    });
    return () => {
      open = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [key, path, reload, filter]); // the target by value: a new object with the same target is the same folder

  return { ...state, stop: () => stopper?.() };
}
