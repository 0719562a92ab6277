import { z } from 'zod';
import type { Agrees, SameShape } from '../type-agreement';
import { ERROR_CODES, type ApiErrorShape as ApiErrorShapeType, type ErrorCode as ErrorCodeType } from './api-error';

// The class and the plain types live in api-error.ts, zod-free (the renderer's first screen
// needs them before any schema has loaded); the schemas here are made from the same lists.
export { ApiError, isErrorCode, readApiErrorShape } from './api-error';

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = ErrorCodeType;

export const ApiErrorShape = z.object({
  code: ErrorCode,
  /** A sentence a person can act on. */
  message: z.string(),
  /** The object concerned, e.g. "container web-1". */
  object: z.string().optional(),
  /** For an invalid request: the request field concerned, e.g. "form.command", so a form can show it there. */
  field: z.string().optional(),
});
export type ApiErrorShape = ApiErrorShapeType;
export type ApiErrorShapeAgrees = Agrees<SameShape<z.infer<typeof ApiErrorShape>, ApiErrorShapeType>>;

export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorShape }),
]);
export type Envelope = z.infer<typeof Envelope>;
