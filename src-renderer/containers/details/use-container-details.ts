import { useEffect, useRef, useState } from 'react';
import { ApiError, type ContainerDetails, type ContainerSummary } from '../../../src-common/index';
import { api } from '../../api/client';
import { useBerthStore } from '../../store/store';

export type DetailsState =
  | { kind: 'loading' }
  | { kind: 'ready'; details: ContainerDetails }
  | { kind: 'failed'; message: string }
  /** The container was there and is gone now. */
  | { kind: 'removed' }
  | { kind: 'not-found' };

/** The store entity for a route id: the full id, a name, or an id prefix. */
function findEntity(containers: Record<string, ContainerSummary>, ref: string): ContainerSummary | undefined {
  const exact = containers[ref];
  if (exact) return exact;
  const all = Object.values(containers);
  return all.find((c) => c.name === ref) ?? (ref.length >= 4 ? all.find((c) => c.id.startsWith(ref)) : undefined);
}

/**
 * The inspect data of one container, fetched again whenever its entity in the
 * store changes (an engine event arrived), never on a timer.
 */
export function useContainerDetails(ref: string): { entity: ContainerSummary | undefined; state: DetailsState } {
  const entity = useBerthStore((s) => findEntity(s.containers, ref));
  const loaded = useBerthStore((s) => s.containersLoaded);
  const [state, setState] = useState<DetailsState>({ kind: 'loading' });
  const seen = useRef(false);
  if (entity) seen.current = true;

  useEffect(() => {
    if (!entity) return;
    let current = true;
    api.call('containers.inspect', { id: entity.id }).then(
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
  }, [entity]);

  if (!entity && loaded) return { entity, state: seen.current ? { kind: 'removed' } : { kind: 'not-found' } };
  return { entity, state };
}
