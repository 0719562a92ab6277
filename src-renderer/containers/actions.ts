import { ApiError } from '../../src-common/index';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import type { ContainerAction } from '../store/types';
import { containerStrings } from './strings';

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
  try {
    await callFor(action, id, remove);
  } catch (err) {
    const reason = err instanceof ApiError || err instanceof Error ? err.message : String(err);
    useBerthStore.getState().pushNotice(containerStrings.actionFailed(containerStrings.actionVerb[action], name, reason));
  } finally {
    useBerthStore.getState().setPending(id, null);
  }
}

export const runOnAll = (ids: readonly string[], action: ContainerAction, remove?: RemoveOptions): Promise<void[]> =>
  Promise.all(ids.map((id) => runContainerAction(id, action, remove)));
