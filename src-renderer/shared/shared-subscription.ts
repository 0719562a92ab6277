import { useEffect } from 'react';
import type { StreamChunk, StreamName } from '../../src-common/contract/index';
import { api } from '../api/client';

const RESUBSCRIBE_DELAY_MS = 2_000;

/**
 * One stream shared by every view that needs it, open while at least one of them is on
 * screen: the first user opens it, the last one closes it. A stream that ends while
 * wanted (main restarted, an error) is opened again after a short delay; it starts with a
 * snapshot, so the store is current as soon as it is back.
 */
export function createSharedSubscription<S extends StreamName>(stream: S, onChunk: (chunk: StreamChunk<S>) => void) {
  let users = 0;
  let stop: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;

  function open(): void {
    stop = api.subscribe(stream, {} as never, onChunk, (end) => {
      stop = null;
      if (users === 0 || end.reason === 'cancelled') return;
      retry = setTimeout(() => {
        retry = null;
        if (users > 0 && !stop) open();
      }, RESUBSCRIBE_DELAY_MS);
    });
  }

  /** Takes a share; the returned function gives it back. */
  function acquire(): () => void {
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
  }

  return { acquire, use: () => useEffect(acquire, []) };
}
