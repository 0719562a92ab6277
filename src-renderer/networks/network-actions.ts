import { ApiError } from '../../src-common/contract/api-error';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import { notify } from '../ui/toast';
import { networkStrings as t } from './strings';

const messageOf = (err: unknown) => (err instanceof ApiError || err instanceof Error ? err.message : String(err));

/**
 * Disconnects a container; an endpoint whose container is gone needs force. The list
 * changes when the engine's disconnect event arrives; errors go to the notices.
 */
export async function disconnectContainer(network: { id: string; name: string }, container: { id: string; name: string; known: boolean }): Promise<boolean> {
  try {
    await api.call('networks.disconnect', { network: network.id, container: container.id, force: !container.known });
    notify({ message: t.disconnected(container.name, network.name), tone: 'success' });
    return true;
  } catch (err) {
    useBerthStore.getState().pushNotice(messageOf(err));
    return false;
  }
}

export { messageOf };

/** Enter in a one-line input submits the dialog (text areas keep their new lines). */
export function submitOnEnter(e: { key: string; target: EventTarget; preventDefault(): void }, submit: () => unknown): void {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type !== 'checkbox') {
    e.preventDefault();
    void submit();
  }
}
