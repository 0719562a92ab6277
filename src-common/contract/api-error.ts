/**
 * The error every call and stream can end with, without zod: the renderer's first screen
 * (its entry script) reads errors off the socket before the contract's schemas have loaded.
 * errors.ts builds the zod schemas from these lists and checks that both agree.
 */
export const ERROR_CODES = [
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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  /** A sentence a person can act on. */
  message: string;
  /** The object concerned, e.g. "container web-1". */
  object?: string | undefined;
  /** For an invalid request: the request field concerned, e.g. "form.command", so a form can show it there. */
  field?: string | undefined;
}

const errorCodes: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && errorCodes.has(value);
}

/** The error shape in `value` (other keys left out, as the schema does), or null when it is not one. */
export function readApiErrorShape(value: unknown): ApiErrorShape | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { code, message, object, field } = value as Record<string, unknown>;
  if (!isErrorCode(code) || typeof message !== 'string') return null;
  if ((object !== undefined && typeof object !== 'string') || (field !== undefined && typeof field !== 'string')) return null;
  return {
    code,
    message,
    ...(object === undefined ? {} : { object }),
    ...(field === undefined ? {} : { field }),
  };
}

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
