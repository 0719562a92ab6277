import { useEffect, useState } from 'react';
import type { FileEntry, FileTarget, PathStat } from '../../src-common/models/files';
import { api } from '../api/client';

export interface FolderListing {
  stat: PathStat | null;
  entries: FileEntry[];
  scanned: { bytes: number; entries: number } | null;
  /** null while reading; then whether every entry was read. */
  complete: boolean | null;
  entryLimit: number;
  error: string | null;
  /** Stopped by the user before the end. */
  stopped: boolean;
}

const EMPTY: FolderListing = { stat: null, entries: [], scanned: null, complete: null, entryLimit: 0, error: null, stopped: false };

/**
 * A folder's entries as the files.list stream delivers them: they appear batch by batch,
 * with progress while a big subtree streams past. Leaving (another path, another page)
 * unsubscribes, which drops the engine request. `reload` bumps to read again.
 */
export function useFolderListing(target: FileTarget, path: string, reload: number): FolderListing & { stop(): void } {
  const [state, setState] = useState<FolderListing>(EMPTY);
  const [stopper, setStopper] = useState<(() => void) | null>(null);
  const key = JSON.stringify(target);

  useEffect(() => {
    setState(EMPTY);
    let open = true;
    const unsubscribe = api.subscribe(
      'files.list',
      { target, path },
      (chunk) => {
        if (!open) return;
        setState((s) => {
          switch (chunk.kind) {
            case 'stat':
              return { ...s, stat: chunk.stat };
            case 'entries':
              return { ...s, entries: [...s.entries, ...chunk.entries] };
            case 'progress':
              return { ...s, scanned: { bytes: chunk.scannedBytes, entries: chunk.scannedEntries } };
            case 'done':
              return { ...s, complete: chunk.complete, entryLimit: chunk.entryLimit };
          }
        });
      },
      (end) => {
        if (!open || end.reason !== 'error') return;
        setState((s) => ({ ...s, error: end.error?.message ?? 'failed' }));
      },
    );
    setStopper(() => () => {
      unsubscribe();
      setState((s) => (s.complete === null ? { ...s, stopped: true } : s));
    });
    return () => {
      open = false;
      unsubscribe();
    };
  }, [key, path, reload]); // the target by value: a new object with the same target is the same folder

  return { ...state, stop: () => stopper?.() };
}
