import { z } from 'zod';
import { ApiErrorShape } from './errors';
import { StreamEnd } from './streams';

/**
 * The browser-mode WebSocket protocol. Electron's IPC carries the same
 * envelope, so the renderer's client is one piece of code over two pipes.
 */
export const MAX_WIRE_MESSAGE_BYTES = 1024 * 1024;

const Id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const ClientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: Id, method: z.string().max(100), args: z.unknown() }),
  z.object({ t: z.literal('subscribe'), id: Id, stream: z.string().max(100), args: z.unknown() }),
  z.object({ t: z.literal('unsubscribe'), id: Id }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.union([
  z.object({ t: z.literal('result'), id: Id, ok: z.literal(true), value: z.unknown() }),
  z.object({ t: z.literal('result'), id: Id, ok: z.literal(false), error: ApiErrorShape }),
  z.object({ t: z.literal('data'), id: Id, chunk: z.unknown() }),
  z.object({ t: z.literal('end'), id: Id, end: StreamEnd }),
]);
export type ServerMessage =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: ApiErrorShape }
  | { t: 'data'; id: number; chunk: unknown }
  | { t: 'end'; id: number; end: StreamEnd };
