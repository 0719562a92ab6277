import type { IpcRenderer } from 'electron';
// Only the channel-name constant is a value here; bridge.ts has no runtime imports, so
// the bundled preload stays one file that requires nothing but electron.
import { IPC_CHANNELS } from '../../src-common/contract/bridge';
import type {
  BerthBridge,
  IpcAckPayload,
  IpcCallPayload,
  IpcInputPayload,
  IpcStreamMessage,
  IpcSubscribePayload,
  IpcUnsubscribePayload,
  StreamHandle,
  SubscribeOptions,
} from '../../src-common/contract/bridge';
import type { StreamEnd } from '../../src-common/contract/streams';

type Subscriber = {
  onData: (chunk: unknown, done: () => void) => void;
  onEnd: (end: StreamEnd) => void;
  manualAck: boolean;
};

/** The part of ipcRenderer the bridge uses; the renderer never sees ipcRenderer itself. */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'send' | 'on'>;

/** window.berth: three narrow functions over the contract's IPC channels. */
export function createBridge(ipc: BridgeIpc): BerthBridge {
  const subscribers = new Map<number, Subscriber>();
  let nextId = 1;
  // Acks are counted per stream and sent once the current task ends (flow control).
  const acks = new Map<number, number>();
  let ackScheduled = false;
  const flushAcks = () => {
    ackScheduled = false;
    for (const [id, count] of acks) {
      if (subscribers.has(id)) ipc.send(IPC_CHANNELS.ack, { id, count } satisfies IpcAckPayload);
    }
    acks.clear();
  };
  const ackFor = (id: number) => {
    let called = false;
    return () => {
      if (called) return;
      called = true;
      acks.set(id, (acks.get(id) ?? 0) + 1);
      if (!ackScheduled) {
        ackScheduled = true;
        queueMicrotask(flushAcks);
      }
    };
  };

  function open(
    stream: string,
    args: unknown,
    onData: Subscriber['onData'],
    onEnd: Subscriber['onEnd'],
    options?: SubscribeOptions,
  ): StreamHandle {
    const id = nextId++;
    subscribers.set(id, { onData, onEnd, manualAck: options?.manualAck === true });
    const payload: IpcSubscribePayload = { id, stream: String(stream), args };
    ipc.send(IPC_CHANNELS.subscribe, payload);
    return {
      write(bytes) {
        if (!subscribers.has(id) || !(bytes instanceof Uint8Array)) return;
        ipc.send(IPC_CHANNELS.input, { id, data: bytes } satisfies IpcInputPayload);
      },
      close() {
        if (!subscribers.delete(id)) return;
        const cancel: IpcUnsubscribePayload = { id };
        ipc.send(IPC_CHANNELS.unsubscribe, cancel);
      },
    };
  }

  ipc.on(IPC_CHANNELS.streamMessage, (_event, message: IpcStreamMessage) => {
    if (typeof message !== 'object' || message === null || typeof message.id !== 'number') return;
    const subscriber = subscribers.get(message.id);
    if (!subscriber) return;
    if ('end' in message) {
      subscribers.delete(message.id);
      subscriber.onEnd(message.end);
    } else {
      const done = ackFor(message.id);
      try {
        subscriber.onData(message.chunk, done);
      } finally {
        if (!subscriber.manualAck) done();
      }
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
    subscribe(stream, args, onData, onEnd, options) {
      return open(stream, args, onData, onEnd, options).close;
    },
    open,
  };
}
