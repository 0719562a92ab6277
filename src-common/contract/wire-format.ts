import type { ApiErrorShape } from './api-error';

/**
 * The browser-mode WebSocket protocol's constants, binary frames and message types, without
 * zod: the renderer's entry script speaks it before the contract's schemas have loaded.
 * wire.ts holds the schemas the server checks every client message against.
 */
export const MAX_WIRE_MESSAGE_BYTES = 1024 * 1024;

/** Browser mode's "how to get in" page, where a tab without a usable token is sent. */
export const WELCOME_PATH = '/welcome';

/** Close codes the server uses besides RFC 6455's own (4000–4999 are the application's). */
export const WireCloseCode = {
  /** The socket did not authenticate (wrong, missing or late token). */
  unauthorized: 4401,
  /** RFC 6455's "try again later": the server has as many connections as it takes. */
  tryAgainLater: 1013,
} as const;

export const STREAM_END_REASONS = ['complete', 'cancelled', 'error'] as const;

/** How a stream ended. */
export interface StreamEnd {
  reason: (typeof STREAM_END_REASONS)[number];
  error?: { code: string; message: string; object?: string | undefined } | undefined;
}

export type ClientMessage =
  | { t: 'call'; id: number; method: string; args: unknown }
  | { t: 'subscribe'; id: number; stream: string; args: unknown }
  | { t: 'unsubscribe'; id: number }
  /** The client processed the oldest `count` chunks of stream `id` (flow control, see flow.ts). */
  | { t: 'ack'; id: number; count: number };

/**
 * The first message on every browser-mode socket, and only the first: the launch token
 * (which the page took from its URL fragment). Anything else first closes the socket.
 */
export interface AuthMessage {
  t: 'auth';
  token: string;
}

export type ServerMessage =
  /** The token was right: calls and subscriptions may follow. */
  | { t: 'ready' }
  /** The socket is refused (unauthorized, too many connections); the server closes it next. */
  | { t: 'refused'; error: ApiErrorShape }
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: ApiErrorShape }
  | { t: 'data'; id: number; chunk: unknown }
  | { t: 'end'; id: number; end: StreamEnd };

/**
 * Binary WebSocket frames carry bytes (terminal output and keystrokes) without base64:
 * byte 0 is the kind, bytes 1–8 the stream id (float64, big-endian), the rest the payload.
 */
export const BinaryKind = {
  /** server → client: a chunk of stream `id` that is a Uint8Array. */
  streamData: 1,
  /** client → server: bytes written into stream `id` (its input). */
  streamInput: 2,
} as const;
export type BinaryKind = (typeof BinaryKind)[keyof typeof BinaryKind];
export const BINARY_HEADER_BYTES = 9;

export function encodeBinaryFrame(kind: BinaryKind, id: number, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(BINARY_HEADER_BYTES + payload.byteLength);
  const view = new DataView(frame.buffer);
  view.setUint8(0, kind);
  view.setFloat64(1, id);
  frame.set(payload, BINARY_HEADER_BYTES);
  return frame;
}

/** The frame's parts (the payload is a view, not a copy), or null when it is not a valid frame. */
export function decodeBinaryFrame(frame: Uint8Array): { kind: BinaryKind; id: number; payload: Uint8Array } | null {
  if (frame.byteLength < BINARY_HEADER_BYTES) return null;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const kind = view.getUint8(0);
  const id = view.getFloat64(1);
  if (kind !== BinaryKind.streamData && kind !== BinaryKind.streamInput) return null;
  if (!Number.isSafeInteger(id) || id < 0) return null;
  return { kind, id, payload: frame.subarray(BINARY_HEADER_BYTES) };
}
