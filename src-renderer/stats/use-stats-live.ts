import { useEffect, useRef } from 'react';
import { api } from '../api/client';
import { totalsStore, usageStore } from './usage-store';
import { usePageVisible } from './use-page-visible';

/** Rows scroll past quickly: the set main follows changes at most this often. */
const WATCH_DEBOUNCE_MS = 250;

const newViewId = () => `view-${crypto.randomUUID()}`;

/**
 * Follows the resource usage of `ids` (the rows on screen) and, with `totals`, the
 * engine-wide sum, into usage-store.ts. One `stats.live` stream while the page can be
 * seen and there is something to follow; a changed set goes to main with `stats.watch`
 * (debounced), so scrolling does not reopen anything. Hidden page: the stream is closed
 * and main collects nothing for this view.
 */
export function useStatsLive(ids: readonly string[], totals: boolean): void {
  const visible = usePageVisible();
  const key = [...ids].sort().join(',');
  const want = visible && (ids.length > 0 || totals);
  const latest = useRef({ key, totals });
  latest.current = { key, totals };
  const stream = useRef<{ viewId: string; sentKey: string; sentTotals: boolean } | null>(null);

  useEffect(() => {
    if (!want) return;
    const viewId = newViewId();
    const first = latest.current;
    const ids0 = first.key ? first.key.split(',') : [];
    stream.current = { viewId, sentKey: first.key, sentTotals: first.totals };
    const stop = api.subscribe('stats.live', { viewId, ids: ids0, totals: first.totals }, (chunk) => {
      if (chunk.kind === 'samples') usageStore.put(chunk.samples);
      else if (chunk.kind === 'gone') usageStore.drop(chunk.ids);
      else totalsStore.put(chunk.totals);
    });
    return () => {
      stop();
      stream.current = null;
    };
  }, [want]);

  useEffect(() => {
    const open = stream.current;
    if (!open || (open.sentKey === key && open.sentTotals === totals)) return;
    const timer = setTimeout(() => {
      const now = stream.current;
      if (!now) return;
      now.sentKey = key;
      now.sentTotals = totals;
      api.call('stats.watch', { viewId: now.viewId, ids: key ? key.split(',') : [], totals }).catch(() => {
        // The stream closed meanwhile (page hidden, engine gone): nothing to change.
      });
    }, WATCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, totals]);
}
