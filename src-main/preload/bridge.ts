import type { IpcRenderer } from 'electron';
// Only the channel-name constant is a value here; bridge.ts has no runtime imports, so
// the bundled preload stays one file that requires nothing but electron.
import { IPC_CHANNELS } from '../../src-common/contract/bridge';
import type {
  BerthBridge,
  IpcCallPayload,
  IpcStreamMessage,
  IpcSubscribePayload,
  IpcUnsubscribePayload,
} from '../../src-common/contract/bridge';
import type { StreamEnd } from '../../src-common/contract/streams';

type Subscriber = { onData: (chunk: unknown) => void; onEnd: (end: StreamEnd) => void };

/** The part of ipcRenderer the bridge uses; the renderer never sees ipcRenderer itself. */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'send' | 'on'>;

/** window.berth: two narrow functions over the contract's four channels. */
export function createBridge(ipc: BridgeIpc): BerthBridge {
  const subscribers = new Map<number, Subscriber>();
  let nextId = 1;

  ipc.on(IPC_CHANNELS.streamMessage, (_event, message: IpcStreamMessage) => {
    if (typeof message !== 'object' || message === null || typeof message.id !== 'number') return;
    const subscriber = subscribers.get(message.id);
    if (!subscriber) return;
    if ('end' in message) {
      subscribers.delete(message.id);
      subscriber.onEnd(message.end);
    } else {
      subscriber.onData(message.chunk);
    }
  });

  return {
    async invoke(method, args) {
      const payload: IpcCallPayload = { method: String(method), args };
      try {
        return await ipc.invoke(IPC_CHANNELS.call, payload);
      } catch (err) {
        // Only happens when main has no handler (yet) or the payload cannot be cloned.
        return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
      }
    },
    subscribe(stream, args, onData, onEnd) {
      const id = nextId++;
      subscribers.set(id, { onData, onEnd });
      const payload: IpcSubscribePayload = { id, stream: String(stream), args };
      ipc.send(IPC_CHANNELS.subscribe, payload);
      return () => {
        if (!subscribers.delete(id)) return;
        const cancel: IpcUnsubscribePayload = { id };
        ipc.send(IPC_CHANNELS.unsubscribe, cancel);
      };
    },
  };
}
