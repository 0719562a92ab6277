import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { z } from 'zod';
import {
  IPC_CHANNELS,
  chunkWeight,
  type ApiErrorShape,
  type FlowWindow,
  type ApiHandlers,
  type Caller,
  type IpcAckPayload,
  type IpcCallPayload,
  type IpcInputPayload,
  type IpcStreamMessage,
  type IpcSubscribePayload,
  type IpcUnsubscribePayload,
} from '../../src-common/contract/index';
import { flowWindowFor } from '../../src-common/contract/stream-flow';
import { dispatchCall, openStream, type CallOutcome, type OpenedStream } from '../api/dispatch';
import { isAppPageUrl } from './app-url';

export interface IpcOptions {
  handlers: ApiHandlers;
  /** True for the webContents of a window this app created (not a devtools or foreign one). */
  isAppWindow(contents: WebContents): boolean;
}

const StreamId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const CallPayload: z.ZodType<IpcCallPayload> = z.object({ method: z.string().max(100), args: z.unknown() });
const SubscribePayload: z.ZodType<IpcSubscribePayload> = z.object({
  id: StreamId,
  stream: z.string().max(100),
  args: z.unknown(),
});
const UnsubscribePayload: z.ZodType<IpcUnsubscribePayload> = z.object({ id: StreamId });
const AckPayload: z.ZodType<IpcAckPayload> = z.object({ id: StreamId, count: z.number().int().positive().max(1_000_000) });
const InputPayload: z.ZodType<IpcInputPayload> = z.object({
  id: StreamId,
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= 1024 * 1024, 'at most 1 MiB'),
});

type OpenIpcStream = OpenedStream & { window: FlowWindow };

const refused: ApiErrorShape = {
  code: 'invalid-request',
  message: "Refused a message that did not come from Berth's own window.",
};

/**
 * Listens on the contract's IPC channels. Every message is checked twice: where it
 * came from (the main frame of one of our windows, showing app://berth/index.html) and its shape;
 * the contract's own validation then runs in dispatch. Returns the unregister.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { handlers, isAppWindow } = options;
  // Subscription ids are chosen by each renderer, so they are only unique per webContents.
  const streamsByContents = new Map<WebContents, Map<number, OpenIpcStream>>();
  // One caller per webContents: its terminal sessions and picked files are its own.
  const callers = new WeakMap<WebContents, Caller>();
  let callerCount = 0;
  const callerOf = (contents: WebContents): Caller => {
    let caller = callers.get(contents);
    if (!caller) {
      caller = { label: `window ${++callerCount}` };
      callers.set(contents, caller);
    }
    return caller;
  };

  const isTrustedSender = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    try {
      const frame = event.senderFrame;
      return (
        frame !== null && frame.parent === null && isAppWindow(event.sender) && isAppPageUrl(frame.url)
      );
    } catch {
      // Reading a frame that was disposed in the meantime throws; such a sender is gone anyway.
      return false;
    }
  };

  const cancelAll = (contents: WebContents) => {
    const streams = streamsByContents.get(contents);
    if (!streams) return;
    const open = [...streams.values()];
    streams.clear();
    for (const stream of open) {
      try {
        stream.cancel();
      } catch (err) {
        console.error(`Berth could not cancel a stream: ${String(err)}`);
      }
    }
  };

  /** The streams of one webContents; they all end with its page (reload, crash, close). */
  const streamsOf = (contents: WebContents): Map<number, OpenIpcStream> => {
    let streams = streamsByContents.get(contents);
    if (streams) return streams;
    streams = new Map();
    streamsByContents.set(contents, streams);
    contents.once('destroyed', () => {
      cancelAll(contents);
      streamsByContents.delete(contents);
    });
    contents.on('render-process-gone', () => cancelAll(contents));
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) cancelAll(contents);
    });
    return streams;
  };

  const onCall = async (event: IpcMainInvokeEvent, payload: unknown): Promise<CallOutcome> => {
    if (!isTrustedSender(event)) return { ok: false, error: refused };
    const parsed = CallPayload.safeParse(payload);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-request', message: 'A call needs { method: string, args }.' } };
    }
    return dispatchCall(handlers, parsed.data.method, parsed.data.args, callerOf(event.sender));
  };

  const onSubscribe = (event: IpcMainEvent, payload: unknown): void => {
    if (!isTrustedSender(event)) return;
    const parsed = SubscribePayload.safeParse(payload);
    if (!parsed.success) return;
    const { id, stream, args } = parsed.data;
    const contents = event.sender;
    const send = (message: IpcStreamMessage) => {
      if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.streamMessage, message);
    };
    const streams = streamsOf(contents);
    if (streams.has(id)) {
      send({ id, end: { reason: 'error', error: { code: 'invalid-request', message: `Stream id ${id} is already in use.` } } });
      return;
    }
    let ended = false;
    // IPC has no send buffer to look at: the renderer's acks are the only measure of its backlog.
    const window = flowWindowFor(stream);
    const opened = openStream(
      handlers,
      stream,
      args,
      {
        next: (chunk) => {
          if (contents.isDestroyed()) return false;
          send({ id, chunk });
          return window.sent(chunkWeight(chunk));
        },
        end: (end) => {
          ended = true;
          streams.delete(id);
          send({ id, end });
        },
      },
      callerOf(contents),
    );
    if (!opened.ok) send({ id, end: { reason: 'error', error: opened.error } });
    else if (!ended) streams.set(id, { ...opened, window });
  };

  const onUnsubscribe = (event: IpcMainEvent, payload: unknown): void => {
    if (!isTrustedSender(event)) return;
    const parsed = UnsubscribePayload.safeParse(payload);
    if (!parsed.success) return;
    const streams = streamsByContents.get(event.sender);
    const stream = streams?.get(parsed.data.id);
    if (!stream) return;
    streams?.delete(parsed.data.id);
    stream.cancel();
  };

  const onAck = (event: IpcMainEvent, payload: unknown): void => {
    if (!isTrustedSender(event)) return;
    const parsed = AckPayload.safeParse(payload);
    if (!parsed.success) return;
    const stream = streamsByContents.get(event.sender)?.get(parsed.data.id);
    if (stream?.window.acked(parsed.data.count)) stream.drain();
  };

  const onInput = (event: IpcMainEvent, payload: unknown): void => {
    if (!isTrustedSender(event)) return;
    const parsed = InputPayload.safeParse(payload);
    if (!parsed.success) return;
    streamsByContents.get(event.sender)?.get(parsed.data.id)?.input(parsed.data.data);
  };

  ipcMain.handle(IPC_CHANNELS.call, onCall);
  ipcMain.on(IPC_CHANNELS.subscribe, onSubscribe);
  ipcMain.on(IPC_CHANNELS.unsubscribe, onUnsubscribe);
  ipcMain.on(IPC_CHANNELS.ack, onAck);
  ipcMain.on(IPC_CHANNELS.input, onInput);

  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.call);
    ipcMain.removeListener(IPC_CHANNELS.subscribe, onSubscribe);
    ipcMain.removeListener(IPC_CHANNELS.unsubscribe, onUnsubscribe);
    ipcMain.removeListener(IPC_CHANNELS.ack, onAck);
    ipcMain.removeListener(IPC_CHANNELS.input, onInput);
    for (const contents of [...streamsByContents.keys()]) cancelAll(contents);
  };
}
