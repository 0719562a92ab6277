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
