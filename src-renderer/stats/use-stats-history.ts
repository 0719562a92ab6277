import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { HistoryBuffer } from './history-buffer';
import { usePageVisible } from './use-page-visible';

/**
 * A container's kept readings, then each new one, into a HistoryBuffer, while the page
 * can be seen. `stopped` says the container is not running (no new readings).
 */
export function useStatsHistory(id: string): { buffer: HistoryBuffer; stopped: boolean } {
  const visible = usePageVisible();
  const buffer = useMemo(() => new HistoryBuffer(), [id]);
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    if (!visible) return;
    setStopped(false);
    return api.subscribe('stats.history', { id }, (chunk) => {
      if (chunk.kind === 'history') buffer.reset(chunk.history);
      else if (chunk.kind === 'sample') {
        setStopped(false);
        buffer.push(chunk.sample);
      } else {
        setStopped(true);
        buffer.gap(Date.now());
      }
    });
  }, [id, visible, buffer]);
  return { buffer, stopped };
}
