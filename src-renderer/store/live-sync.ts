import type { StoreApi } from 'zustand';
import type { ApiClient } from '../api/client';
import type { StreamName } from '../../src-common/index';
import type { BerthState } from './types';

const RESUBSCRIBE_DELAY_MS = 2_000;

/**
 * Keeps the store fed from the two live streams. A stream that ends with an error
 * is opened again after a pause; the transport already re-subscribes after a
 * dropped socket, so nothing here polls.
 */
export function startLiveSync(api: ApiClient, store: StoreApi<BerthState>): () => void {
  let stopped = false;
  const stops: (() => void)[] = [];

  const keepOpen = (open: (onEnd: (reason: string) => void) => () => void, name: StreamName) => {
    let stop = () => {};
    const start = () => {
      stop = open((reason) => {
        if (stopped || reason === 'cancelled') return;
        console.warn(`Berth: ${name} stream ended (${reason}); opening it again`);
        setTimeout(() => !stopped && start(), RESUBSCRIBE_DELAY_MS);
      });
    };
    start();
    stops.push(() => stop());
  };

  keepOpen(
    (onEnd) =>
      api.subscribe('engine.status', {}, (status) => store.getState().setEngineStatus(status), (e) => onEnd(e.reason)),
    'engine.status',
  );
  keepOpen(
    (onEnd) =>
      api.subscribe('containers.changes', {}, (change) => store.getState().applyChange(change), (e) => onEnd(e.reason)),
    'containers.changes',
  );
  stops.push(api.onConnectionChange((connected) => store.getState().setServerConnected(connected)));

  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}
