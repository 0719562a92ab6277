import type { StateCreator } from 'zustand';
import type { ContainerChange, ContainerSummary } from '../../src-common/index';
import type { BerthState, ContainersSlice } from './types';

/** Drops ids that no longer exist from a set, keeping the same object when nothing changed. */
function prune(set: ReadonlySet<string>, exists: (id: string) => boolean): ReadonlySet<string> {
  for (const id of set) {
    if (!exists(id)) return new Set([...set].filter(exists));
  }
  return set;
}

/**
 * The next state for one change. An upsert or remove touches one entity and keeps
 * every other entity object as it was, so rows of other containers do not re-render.
 */
export function reduceContainerChange(
  state: Pick<BerthState, 'containers' | 'selection'>,
  change: ContainerChange,
): Partial<Pick<BerthState, 'containers' | 'selection' | 'containersLoaded' | 'containersLoadError'>> {
  switch (change.kind) {
    case 'snapshot': {
      const containers: Record<string, ContainerSummary> = {};
      for (const c of change.containers) containers[c.id] = c;
      return { containers, containersLoaded: true, containersLoadError: null, selection: prune(state.selection, (id) => id in containers) };
    }
    case 'failed':
      // The list on screen (if any) stays: it is older, not wrong. The page says why.
      return { containersLoadError: change.error };
    case 'upsert':
      return {
        containers: { ...state.containers, [change.container.id]: change.container },
        containersLoaded: true,
        selection: state.selection,
      };
    case 'remove': {
      if (!(change.id in state.containers)) {
        return { containers: state.containers, containersLoaded: true, selection: state.selection };
      }
      const { [change.id]: _removed, ...rest } = state.containers;
      return { containers: rest, containersLoaded: true, selection: prune(state.selection, (id) => id !== change.id) };
    }
  }
}

export const createContainersSlice: StateCreator<BerthState, [], [], ContainersSlice> = (set) => ({
  containers: {},
  containersLoaded: false,
  containersLoadError: null,
  applyChange: (change) => set((state) => reduceContainerChange(state, change)),
});
