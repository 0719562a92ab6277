import type { ApiErrorShape } from './errors';
import type { StreamEnd } from './streams';

/**
 * What the Electron preload exposes on `window.berth` through contextBridge: two
 * narrow functions, never ipcRenderer itself. Payloads are checked again in main.
 */
export interface BerthBridge {
  invoke(method: string, args: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiErrorShape }>;
  /** Returns the unsubscribe, which cancels the stream in main. */
  subscribe(stream: string, args: unknown, onData: (chunk: unknown) => void, onEnd: (end: StreamEnd) => void): () => void;
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
