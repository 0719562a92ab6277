import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../src-common/contract/errors';

export type LiveDetailsState<D> =
  | { kind: 'loading' }
  | { kind: 'ready'; details: D }
  | { kind: 'failed'; message: string }
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
): LiveDetailsState<D> {
  const [state, setState] = useState<LiveDetailsState<D>>({ kind: 'loading' });
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
        else setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      current = false;
    };
    // Refetch when the entity changes (an event); `fetch` is module-level at every call site.
  }, [entity, fetch]);

  if (!entity && listLoaded) return seen.current ? { kind: 'removed' } : { kind: 'not-found' };
  return state;
}
