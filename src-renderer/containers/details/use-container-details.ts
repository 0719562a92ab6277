import type { ContainerDetails, ContainerSummary } from '../../../src-common/index';
import { useLiveDetails, type LiveDetailsState } from '../../shared/use-live-details';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { resyncLists } from '../../api/resync';
import { useBerthStore } from '../../store/store';

export type DetailsState = LiveDetailsState<ContainerDetails>;

/** The store entity for a route id: the full id, a name, or an id prefix. */
function findEntity(containers: Record<string, ContainerSummary>, ref: string): ContainerSummary | undefined {
  const exact = containers[ref];
  if (exact) return exact;
  const all = Object.values(containers);
  return all.find((c) => c.name === ref) ?? (ref.length >= 4 ? all.find((c) => c.id.startsWith(ref)) : undefined);
}

const inspect = (id: string) => api.call('containers.inspect', { id });

/** The inspect data of one container, following its entity in the store (see useLiveDetails). */
export function useContainerDetails(ref: string): { entity: ContainerSummary | undefined; state: DetailsState } {
  const entity = useBerthStore((s) => findEntity(s.containers, ref));
  const loaded = useBerthStore((s) => s.containersLoaded);
  const listError = useBerthStore((s) => s.containersLoadError);
  const failure = useMemo(() => (listError ? { message: listError.message, retry: () => void resyncLists() } : null), [listError]);
  return { entity, state: useLiveDetails(entity, loaded, inspect, failure) };
}
