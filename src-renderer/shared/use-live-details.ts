import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../src-common/contract/api-error';

export type LiveDetailsState<D> =
  | { kind: 'loading' }
  | { kind: 'ready'; details: D }
  /** `retry` asks again (the details, or the list they come from). */
  | { kind: 'failed'; message: string; retry: () => void }
  /** The object was there and is gone now. */
  | { kind: 'removed' }
  | { kind: 'not-found' };

/**
 * The details of one object (a container, an image) fetched again whenever its entity in
 * the store changes — an engine event arrived — and never on a timer. Says "removed" when
 * an object that was on screen disappears, "not found" when it never existed.
 */
export function useLiveDetails<E extends { id: string }, D>(
  entity: E | undefined,
  listLoaded: boolean,
  fetch: (id: string) => Promise<D>,
  /** The list's load failure: without it a details page would wait for the entity forever. */
  listError: { message: string; retry: () => void } | null = null,
): LiveDetailsState<D> {
  const [state, setState] = useState<LiveDetailsState<D>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const seen = useRef(false);
  if (entity) seen.current = true;

  useEffect(() => {
    if (!entity) return;
    let current = true;
    fetch(entity.id).then(
      (details) => current && setState({ kind: 'ready', details }),
      (err: unknown) => {
        if (!current) return;
        if (err instanceof ApiError && err.code === 'not-found') setState({ kind: 'removed' });
        else {
          const retry = () => {
            setState({ kind: 'loading' });
            setAttempt((n) => n + 1);
          };
          setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err), retry });
        }
      },
    );
    return () => {
      current = false;
    };
    // Refetch when the entity changes (an event) or on Retry; `fetch` is module-level at every call site.
  }, [entity, fetch, attempt]);

  if (!entity && listLoaded) return seen.current ? { kind: 'removed' } : { kind: 'not-found' };
  if (!entity && listError) return { kind: 'failed', ...listError };
  return state;
}
