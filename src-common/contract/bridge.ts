import type { ApiErrorShape } from './errors';
import type { StreamEnd } from './stream-end';

/**
 * What the Electron preload exposes on `window.berth` through contextBridge: two
 * narrow functions, never ipcRenderer itself. Payloads are checked again in main.
 */
export interface BerthBridge {
  invoke(method: string, args: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiErrorShape }>;
  /**
   * Returns the unsubscribe, which cancels the stream in main. `done` acknowledges the
   * chunk (flow control): called by the transport when onData returns, unless
   * `manualAck` is set, when the consumer calls it once it has processed the chunk.
   */
  subscribe(
    stream: string,
    args: unknown,
    onData: (chunk: unknown, done: () => void) => void,
    onEnd: (end: StreamEnd) => void,
    options?: SubscribeOptions,
  ): () => void;
  /** Like subscribe, and the stream takes input too (a terminal's keystrokes, as bytes). */
  open(
    stream: string,
    args: unknown,
    onData: (chunk: unknown, done: () => void) => void,
    onEnd: (end: StreamEnd) => void,
    options?: SubscribeOptions,
  ): StreamHandle;
}

export interface SubscribeOptions {
  /** The consumer acknowledges each chunk itself with `done` (e.g. from xterm's write callback). */
  manualAck?: boolean;
}

export interface StreamHandle {
  /** Bytes into the stream; dropped once it has ended. */
  write(bytes: Uint8Array): void;
  close(): void;
}

/** IPC channel names; the only ones the preload will use and main will listen on. */
export const IPC_CHANNELS = {
  /** invoke/handle: { method, args } → envelope. */
  call: 'berth:call',
  /** send: { id, stream, args }. */
  subscribe: 'berth:subscribe',
  /** send: { id }. */
  unsubscribe: 'berth:unsubscribe',
  /** main → renderer: { id, chunk } or { id, end }. */
  streamMessage: 'berth:stream',
  /** send: { id, count } — the renderer processed that many chunks (flow control). */
  ack: 'berth:ack',
  /** send: { id, data: Uint8Array } — input into a stream. */
  input: 'berth:input',
} as const;

/** Payloads of the IPC channels above, as the preload sends them and main checks them. */
export interface IpcCallPayload {
  method: string;
  args: unknown;
}
export interface IpcSubscribePayload {
  id: number;
  stream: string;
  args: unknown;
}
export interface IpcUnsubscribePayload {
  id: number;
}
/** main → renderer on IPC_CHANNELS.streamMessage. */
export type IpcStreamMessage = { id: number; chunk: unknown } | { id: number; end: StreamEnd };
export interface IpcAckPayload {
  id: number;
  count: number;
}
export interface IpcInputPayload {
  id: number;
  data: Uint8Array;
}
