import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { z } from 'zod';
import {
  IPC_CHANNELS,
  type ApiErrorShape,
  type ApiHandlers,
  type IpcCallPayload,
  type IpcStreamMessage,
  type IpcSubscribePayload,
  type IpcUnsubscribePayload,
} from '../../src-common/contract/index';
import { dispatchCall, openStream, type CallOutcome } from '../api/dispatch';
import { isAppPageUrl } from './security';

export interface IpcOptions {
  handlers: ApiHandlers;
  /** dist/renderer/index.html: messages from any other page are refused. */
  rendererIndex: string;
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

const refused: ApiErrorShape = {
  code: 'invalid-request',
  message: "Refused a message that did not come from Berth's own window.",
};

/**
 * Listens on the contract's IPC channels. Every message is checked twice: where it
 * came from (the main frame of one of our windows, showing our page) and its shape;
 * the contract's own validation then runs in dispatch. Returns the unregister.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { handlers, rendererIndex, isAppWindow } = options;
  // Subscription ids are chosen by each renderer, so they are only unique per webContents.
  const streamsByContents = new Map<WebContents, Map<number, () => void>>();

  const isTrustedSender = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    try {
      const frame = event.senderFrame;
      return (
        frame !== null && frame.parent === null && isAppWindow(event.sender) && isAppPageUrl(frame.url, rendererIndex)
      );
    } catch {
      // Reading a frame that was disposed in the meantime throws; such a sender is gone anyway.
      return false;
    }
  };

  const cancelAll = (contents: WebContents) => {
    const streams = streamsByContents.get(contents);
    if (!streams) return;
    const cancels = [...streams.values()];
    streams.clear();
    for (const cancel of cancels) {
      try {
        cancel();
      } catch (err) {
        console.error(`Berth could not cancel a stream: ${String(err)}`);
      }
    }
  };

  /** The streams of one webContents; they all end with its page (reload, crash, close). */
  const streamsOf = (contents: WebContents): Map<number, () => void> => {
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
    return dispatchCall(handlers, parsed.data.method, parsed.data.args);
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
    const opened = openStream(handlers, stream, args, {
      next: (chunk) => send({ id, chunk }),
      end: (end) => {
        ended = true;
        streams.delete(id);
        send({ id, end });
      },
    });
    if (!opened.ok) send({ id, end: { reason: 'error', error: opened.error } });
    else if (!ended) streams.set(id, opened.cancel);
  };

  const onUnsubscribe = (event: IpcMainEvent, payload: unknown): void => {
    if (!isTrustedSender(event)) return;
    const parsed = UnsubscribePayload.safeParse(payload);
    if (!parsed.success) return;
    const streams = streamsByContents.get(event.sender);
    const cancel = streams?.get(parsed.data.id);
    if (!cancel) return;
    streams?.delete(parsed.data.id);
    cancel();
  };

  ipcMain.handle(IPC_CHANNELS.call, onCall);
  ipcMain.on(IPC_CHANNELS.subscribe, onSubscribe);
  ipcMain.on(IPC_CHANNELS.unsubscribe, onUnsubscribe);

  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.call);
    ipcMain.removeListener(IPC_CHANNELS.subscribe, onSubscribe);
    ipcMain.removeListener(IPC_CHANNELS.unsubscribe, onUnsubscribe);
    for (const contents of [...streamsByContents.keys()]) cancelAll(contents);
  };
}
