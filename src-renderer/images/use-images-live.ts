import { useEffect } from 'react';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';

let users = 0;
let stop: (() => void) | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;
const RESUBSCRIBE_DELAY_MS = 2_000;

function open(): void {
  stop = api.subscribe(
    'images.changes',
    {},
    (change) => useBerthStore.getState().applyImageChange(change),
    (end) => {
      stop = null;
      if (users === 0 || end.reason === 'cancelled') return;
      retry = setTimeout(() => {
        retry = null;
        if (users > 0 && !stop) open();
      }, RESUBSCRIBE_DELAY_MS);
    },
  );
}

/**
 * Keeps the image list live while an images view is on screen: one images.changes
 * stream shared by every view that asks, closed when the last one goes. The stream
 * starts with a snapshot, so the list is current as soon as a view appears.
 */
export function useImagesLive(): void {
  useEffect(() => {
    users += 1;
    if (users === 1 && !stop) open();
    return () => {
      users -= 1;
      if (users > 0) return;
      if (retry) clearTimeout(retry);
      retry = null;
      const s = stop;
      stop = null;
      s?.();
    };
  }, []);
}
