import { z } from 'zod';

export const ErrorCode = z.enum([
  /** The request did not match the contract; nothing reached the engine. */
  'invalid-request',
  'unknown-method',
  /** The object does not exist (any more). */
  'not-found',
  /** The engine refused because of the object's state: running, in use, name taken, port allocated. */
  'conflict',
  'engine-unreachable',
  /** The engine did not answer within the call's deadline; the request was given up. */
  'engine-timeout',
  /** Any other engine error, with the engine's reason. */
  'engine-error',
  'cancelled',
  'internal',
  /** Browser mode: the socket did not present the launch token. */
  'unauthorized',
  /** One connection has as many streams open as the server allows (see ws-limits.ts). */
  'too-many-streams',
  /** One connection has as many calls waiting for an answer as the server allows. */
  'too-many-calls',
  /** The server has as many connections as it allows. */
  'too-many-connections',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorShape = z.object({
  code: ErrorCode,
  /** A sentence a person can act on. */
  message: z.string(),
  /** The object concerned, e.g. "container web-1". */
  object: z.string().optional(),
  /** For an invalid request: the request field concerned, e.g. "form.command", so a form can show it there. */
  field: z.string().optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

/** Errors travel as values; this class carries one through a throw on either side. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly object: string | undefined;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, object?: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.object = object;
    this.field = field;
  }
  toShape(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.object === undefined ? {} : { object: this.object }),
      ...(this.field === undefined ? {} : { field: this.field }),
    };
  }
  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.object, shape.field);
  }
}

export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorShape }),
]);
export type Envelope = z.infer<typeof Envelope>;
