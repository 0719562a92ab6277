import { z } from 'zod';
import type { Agrees, SameShape } from '../type-agreement';
import { ApiErrorShape } from './errors';
import { StreamEnd } from './stream-end';
import type {
  AuthMessage as AuthMessageType,
  ClientMessage as ClientMessageType,
  ServerMessage as ServerMessageType,
} from './wire-format';

/**
 * The browser-mode WebSocket protocol's schemas. Electron's IPC carries the same
 * envelope, so the renderer's client is one piece of code over two pipes. The constants,
 * binary frames and plain types are in wire-format.ts (zod-free, for the renderer's entry);
 * the renderer reads server messages with server-message.ts, checked against these schemas
 * in server-message.test.ts.
 */
export {
  BINARY_HEADER_BYTES,
  BinaryKind,
  MAX_WIRE_MESSAGE_BYTES,
  WELCOME_PATH,
  WireCloseCode,
  decodeBinaryFrame,
  encodeBinaryFrame,
} from './wire-format';

const Id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const ClientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: Id, method: z.string().max(100), args: z.unknown() }),
  z.object({ t: z.literal('subscribe'), id: Id, stream: z.string().max(100), args: z.unknown() }),
  z.object({ t: z.literal('unsubscribe'), id: Id }),
  /** The client processed the oldest `count` chunks of stream `id` (flow control, see flow.ts). */
  z.object({ t: z.literal('ack'), id: Id, count: z.number().int().positive().max(1_000_000) }),
]);
export type ClientMessage = ClientMessageType;
export type ClientMessageAgrees = Agrees<SameShape<z.infer<typeof ClientMessage>, ClientMessageType>>;

export const AuthMessage = z.object({ t: z.literal('auth'), token: z.string().max(512) }).strict();
export type AuthMessage = AuthMessageType;
export type AuthMessageAgrees = Agrees<SameShape<z.infer<typeof AuthMessage>, AuthMessageType>>;

export const ServerMessage = z.union([
  z.object({ t: z.literal('ready') }),
  z.object({ t: z.literal('refused'), error: ApiErrorShape }),
  z.object({ t: z.literal('result'), id: Id, ok: z.literal(true), value: z.unknown() }),
  z.object({ t: z.literal('result'), id: Id, ok: z.literal(false), error: ApiErrorShape }),
  z.object({ t: z.literal('data'), id: Id, chunk: z.unknown() }),
  z.object({ t: z.literal('end'), id: Id, end: StreamEnd }),
]);
export type ServerMessage = ServerMessageType;
export type ServerMessageAgrees = Agrees<SameShape<z.infer<typeof ServerMessage>, ServerMessageType>>;
