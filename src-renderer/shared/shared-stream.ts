import { useEffect } from 'react';
import type { StreamChunk, StreamName } from '../../src-common/index';
import { api } from '../api/client';

const RESUBSCRIBE_DELAY_MS = 2_000;

/**
 * A live stream shared by every view that needs it: opened when the first one mounts,
 * closed when the last one goes, opened again after a pause if it ends with an error
 * while still wanted. Streams that start with a snapshot make the data current as soon
 * as a view appears. Returns the hook a view calls.
 */
export function sharedStream<S extends StreamName>(
  stream: S,
  args: Parameters<typeof api.subscribe<S>>[1],
  onChunk: (chunk: StreamChunk<S>) => void,
): () => void {
  let users = 0;
  let stop: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;

  function open(): void {
    stop = api.subscribe(stream, args, onChunk, (end) => {
      stop = null;
      if (users === 0 || end.reason === 'cancelled') return;
      retry = setTimeout(() => {
        retry = null;
        if (users > 0 && !stop) open();
      }, RESUBSCRIBE_DELAY_MS);
    });
  }

  return function useSharedStream(): void {
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
  };
}
