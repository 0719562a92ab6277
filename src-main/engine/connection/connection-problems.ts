import { STATUS_CODES } from 'node:http';
import type { EngineProblem } from '../../../src-common/models/engine-status';
import { ApiError } from '../../../src-common/contract/errors';
import { engineReason, socketErrorCode, socketErrorText, statusCodeOf } from './engine-errors';
import { engineMessages } from './engine-messages';

/** What the status says when the engine cannot be used: its words, what to do, and which kind. */
export interface ConnectionProblem {
  error: string;
  hint: string;
  problem: EngineProblem;
}

const inner = (err: unknown) => (err instanceof ApiError && err.cause !== undefined ? err.cause : err);

/**
 * Why the engine cannot be used, in the user's words. `route` is what was asked
 * ("/_ping", "/events"): an engine that answers with an error status is running — it is
 * failing (5xx) or refusing (4xx, often a socket proxy) — and "start Docker" would be
 * the wrong advice; one that does not answer in time is stuck, not absent.
 */
export function describeProblem(err: unknown, route: string): ConnectionProblem {
  const cause = inner(err);
  const status = statusCodeOf(cause);
  if (status !== null) {
    const answered = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
    const reason = engineReason(cause);
    const said = reason && reason !== answered ? `${answered} – ${reason}` : answered;
    if (status >= 500) return { error: engineMessages.engineFailing(route, said), hint: engineMessages.failingHint, problem: 'failing' };
    return { error: engineMessages.engineRefuses(route, said), hint: engineMessages.refusingHint(route), problem: 'refusing' };
  }
  if (err instanceof ApiError && err.code === 'engine-timeout') {
    return { error: err.message, hint: engineMessages.notAnsweringHint, problem: 'not-answering' };
  }
  if (err instanceof ApiError && err.code === 'engine-error') {
    // Answered 2xx, but with something that is not the engine's API (not JSON, cut short).
    return { error: err.message, hint: engineMessages.notAnEngineHint, problem: 'failing' };
  }
  const code = socketErrorCode(err);
  if (code === 'EACCES' || code === 'EPERM') {
    return { error: socketErrorText(err), hint: engineMessages.permissionHint, problem: 'no-permission' };
  }
  return { error: socketErrorText(err), hint: engineMessages.startEngineHint, problem: 'not-running' };
}
