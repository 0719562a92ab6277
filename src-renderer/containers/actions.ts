import { ApiError } from '../../src-common/contract/api-error';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import type { ContainerAction } from '../store/types';
import { containerStrings } from './strings';
import { notify } from '../ui/toast';

/** How long a stop may run before Berth says it is waiting. */
const STOP_HINT_AFTER_MS = 1000;
/** The engine's grace period when the container sets no StopTimeout (docker stop's default). */
const DEFAULT_STOP_TIMEOUT_S = 10;

export interface RemoveOptions {
  force: boolean;
  removeAnonymousVolumes: boolean;
}

function callFor(action: ContainerAction, id: string, remove?: RemoveOptions): Promise<null> {
  switch (action) {
    case 'start':
      return api.call('containers.start', { id });
    case 'stop':
      return api.call('containers.stop', { id });
    case 'restart':
      return api.call('containers.restart', { id });
    case 'pause':
      return api.call('containers.pause', { id });
    case 'unpause':
      return api.call('containers.unpause', { id });
    case 'kill':
      return api.call('containers.kill', { id });
    case 'remove':
      return api.call('containers.remove', { id, force: remove?.force ?? false, removeAnonymousVolumes: remove?.removeAnonymousVolumes ?? false });
  }
}

/**
 * Runs one action and marks the container as busy meanwhile. The container's state
 * is not touched here: it changes when the engine's event arrives on the stream.
 */
export async function runContainerAction(id: string, action: ContainerAction, remove?: RemoveOptions): Promise<void> {
  const store = useBerthStore.getState();
  if (store.pending[id]) return;
  const name = store.containers[id]?.name ?? id;
  store.setPending(id, action);
  // A stop that is not over in a moment is the engine waiting for the process to exit on
  // SIGTERM: say so, and how long it may wait, instead of a silent spinner.
  const waitingNotice = action === 'stop' ? setTimeout(() => notify({ message: containerStrings.stopWaiting(name, DEFAULT_STOP_TIMEOUT_S) }), STOP_HINT_AFTER_MS) : undefined;
  try {
    await callFor(action, id, remove);
  } catch (err) {
    const reason = err instanceof ApiError || err instanceof Error ? err.message : String(err);
    useBerthStore.getState().pushNotice(containerStrings.actionFailed(containerStrings.actionVerb[action], name, reason));
  } finally {
    clearTimeout(waitingNotice);
    useBerthStore.getState().setPending(id, null);
  }
}

export const runOnAll = (ids: readonly string[], action: ContainerAction, remove?: RemoveOptions): Promise<void[]> =>
  Promise.all(ids.map((id) => runContainerAction(id, action, remove)));
