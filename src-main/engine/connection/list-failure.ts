import { ApiError, type ApiErrorShape } from '../../../src-common/contract/errors';
import { backoffDelay } from './connection';

/** What a live list sends its subscribers when its load failed: why, and when it tries again. */
export interface ListFailure {
  kind: 'failed';
  error: ApiErrorShape;
  retryInMs: number;
}

export interface ListRetry {
  /**
   * The load failed: returns what to tell subscribers, and asks again after a delay that
   * doubles with every failure in a row (1 s … 30 s). Null for an engine that is gone: the
   * connection reports that, and the events stream's reopening asks the list again.
   */
  failed(err: unknown, again: () => void): ListFailure | null;
  /** The last failure while it stands (a new subscriber gets it too). */
  current(): ListFailure | null;
  succeeded(): void;
  dispose(): void;
}

/** The error as the contract carries it; anything that is not an ApiError is a bug here, said as such. */
export function errorShape(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toShape();
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/**
 * The retry of a live list (containers, images) whose load failed although the engine
 * is there: a reply that is not JSON, a 500, a deadline. Without it the page would wait
 * for the next reconnect, saying "Loading…"; with it the page shows why and the list is
 * asked again with backoff.
 */
export function createListRetry(initialMs = 1000, maxMs = 30_000): ListRetry {
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let last: ListFailure | null = null;
  return {
    failed(err, again) {
      clearTimeout(timer);
      if (err instanceof ApiError && err.code === 'engine-unreachable') {
        last = null;
        return null;
      }
      failures += 1;
      const retryInMs = backoffDelay(failures, initialMs, maxMs);
      timer = setTimeout(again, retryInMs);
      last = { kind: 'failed', error: errorShape(err), retryInMs };
      return last;
    },
    current: () => last,
    succeeded() {
      clearTimeout(timer);
      failures = 0;
      last = null;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

/** The engine's answer as a list, or an ApiError saying it was not one (never a TypeError later). */
export function asList<T>(value: unknown, call: string): T[] {
  if (Array.isArray(value)) return value as T[];
  const text = JSON.stringify(value) ?? String(value);
  throw new ApiError('engine-error', `The engine answered '${call}' with something that is not a list: ${text.slice(0, 60)}`);
}
