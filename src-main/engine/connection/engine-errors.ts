import { ApiError, type ErrorCode } from '../../../src-common/contract/errors';
import type { EngineEndpoint } from '../../../src-common/models/engine-status';
import { CUT_SHORT, ENGINE_TIMEOUT, NOT_JSON } from './engine-http';
import { engineMessages } from './engine-messages';

/** What was being done when the engine failed: "remove" + "container web-1". */
export interface ErrorContext {
  action: string;
  /** e.g. "container web-1"; absent for engine-wide requests like ping. */
  object?: string;
  endpoint?: EngineEndpoint;
}

/** Socket-level failures: nothing answered, so the engine is not there (or not ours to reach). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'EPERM',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOTSOCK',
  'ECONNABORTED',
  'ERR_SOCKET_CLOSED',
  'UND_ERR_SOCKET',
]);

interface EngineHttpError {
  statusCode?: unknown;
  json?: unknown;
  reason?: unknown;
  code?: unknown;
  message?: unknown;
}

/** The engine's own words: the JSON `message` of its response body, when there is one. */
export function engineReason(err: unknown): string {
  const e = (err ?? {}) as EngineHttpError;
  const json = e.json;
  if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') {
    return json.message.trim();
  }
  if (typeof json === 'string' && json.trim() !== '') return json.trim();
  if (Buffer.isBuffer(json) && json.length > 0) return json.toString('utf8').trim();
  // For streamed responses the modem parses no body: the engine's words are only in the
  // message, "(HTTP code 500) server error - <engine's message>".
  const streamed =
    json == null && err instanceof Error ? /^\(HTTP code \d+\) [^-]*- ([\s\S]+)$/.exec(err.message)?.[1]?.trim() : undefined;
  if (streamed) return streamed;
  if (typeof e.reason === 'string' && e.reason !== '') return e.reason;
  if (err instanceof Error) return err.message.replace(/^\(HTTP code \d+\)\s*/, '').trim();
  return String(err);
}

export function statusCodeOf(err: unknown): number | null {
  const code = (err as EngineHttpError | null)?.statusCode;
  return typeof code === 'number' ? code : null;
}

export function isUnreachableError(err: unknown): boolean {
  const code = (err as EngineHttpError | null)?.code;
  return statusCodeOf(err) === null && typeof code === 'string' && UNREACHABLE_CODES.has(code);
}

function codeFor(err: unknown): ErrorCode {
  const code = (err as EngineHttpError | null)?.code;
  if (code === ENGINE_TIMEOUT) return 'engine-timeout';
  if (code === 'ABORT_ERR') return 'cancelled';
  const status = statusCodeOf(err);
  if (status === 404) return 'not-found';
  if (status === 409 || status === 304) return 'conflict';
  if (status === null && isUnreachableError(err)) return 'engine-unreachable';
  return 'engine-error';
}

/**
 * The one place where engine and socket failures become ApiErrors: the code says what
 * kind of failure it was, the message names the object and carries the engine's reason.
 */
export function toApiError(err: unknown, context: ErrorContext): ApiError {
  if (err instanceof ApiError) return err;
  const mapped = buildApiError(err, context);
  // Keep the original so the connection can show the socket's own words and pick a hint.
  mapped.cause = err;
  return mapped;
}

/** "list containers", "stop container web-1": the call as the messages name it. */
export function callName(context: Pick<ErrorContext, 'action' | 'object'>): string {
  return context.object ? `${context.action} ${context.object}` : context.action;
}

function buildApiError(err: unknown, context: ErrorContext): ApiError {
  const code = codeFor(err);
  const e = (err ?? {}) as EngineHttpError & { timeoutMs?: unknown; preview?: unknown };
  if (code === 'engine-timeout') {
    return new ApiError(code, engineMessages.callTimedOut(callName(context), Number(e.timeoutMs) || 0), context.object);
  }
  if (code === 'cancelled') return new ApiError(code, engineMessages.callCancelled(callName(context)), context.object);
  if (e.code === NOT_JSON) {
    return new ApiError('engine-error', engineMessages.notJson(callName(context), String(e.preview ?? '')), context.object);
  }
  if (e.code === CUT_SHORT) return new ApiError('engine-error', engineMessages.cutShort(callName(context)), context.object);
  if (code === 'engine-unreachable') {
    const where = context.endpoint ? ` at ${context.endpoint.display}` : '';
    const object = context.object ?? context.endpoint?.display;
    return new ApiError(code, `Cannot reach the engine${where}: ${socketErrorText(err)}`, object);
  }
  const target = context.object ? ` ${context.object}` : '';
  return new ApiError(code, `Cannot ${context.action}${target}: ${engineReason(err)}`, context.object);
}

/** A socket error in plain words, e.g. "connect ENOENT /var/run/docker.sock". */
export function socketErrorText(err: unknown): string {
  if (err instanceof ApiError) return err.cause === undefined ? err.message : socketErrorText(err.cause);
  if (err instanceof Error) return err.message;
  return String(err);
}

/** The errno-style code of a socket failure (ENOENT, EACCES, …), looking through ApiError. */
export function socketErrorCode(err: unknown): string | null {
  const inner = err instanceof ApiError && err.cause !== undefined ? err.cause : err;
  const code = (inner as EngineHttpError | null)?.code;
  return typeof code === 'string' ? code : null;
}
