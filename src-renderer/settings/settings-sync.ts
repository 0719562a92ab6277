import type { StoreApi } from 'zustand';
import { ApiError } from '../../src-common/contract/api-error';
import type { ApiClient } from '../api/client';
import type { BerthState } from '../store/types';

const RESUBSCRIBE_DELAY_MS = 2_000;

/**
 * Feeds the settings slice from 'settings.changes' (reopened if it ends with an error)
 * and, once, shows why the stored settings file was not used.
 */
export function startSettingsSync(api: ApiClient, store: StoreApi<BerthState>): () => void {
  let stopped = false;
  let stop = () => {};
  let retry: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    stop = api.subscribe(
      'settings.changes',
      {},
      (settings) => store.getState().setSettings(settings),
      (end) => {
        if (stopped || end.reason === 'cancelled') return;
        retry = setTimeout(() => !stopped && open(), RESUBSCRIBE_DELAY_MS);
      },
    );
  };
  open();

  api
    .call('settings.get', {})
    .then(async ({ settings, loadProblem, hostMode }) => {
      if (stopped) return;
      store.getState().setHostMode(hostMode);
      if (!store.getState().settingsLoaded) store.getState().setSettings(settings);
      if (loadProblem) {
        store.getState().pushNotice(loadProblem);
        await api.call('settings.acknowledgeLoadProblem', {});
      }
    })
    .catch((err: unknown) => {
      if (!stopped) store.getState().pushNotice(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    });

  return () => {
    stopped = true;
    clearTimeout(retry);
    stop();
  };
}
