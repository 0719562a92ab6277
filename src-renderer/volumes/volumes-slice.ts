import type { StateCreator } from 'zustand';
import type { VolumeChange, VolumeSizes, VolumeSummary } from '../../src-common/models/volumes';
import type { BerthState } from '../store/types';

export type VolumeSortColumn = 'name' | 'driver' | 'project' | 'usedBy' | 'size' | 'created';

export type VolumeDialog = { kind: 'create' } | { kind: 'remove'; name: string } | { kind: 'prune' };

export interface VolumesSlice {
  volumes: Record<string, VolumeSummary>;
  volumesLoaded: boolean;
  /** The latest `/system/df` measurement, or null until someone asks for one. */
  volumeSizes: VolumeSizes | null;
  volumeFilter: { text: string; unusedOnly: boolean };
  volumeSort: { column: VolumeSortColumn; direction: 'asc' | 'desc' };
  volumeDialog: VolumeDialog | null;
  applyVolumeChange(change: VolumeChange): void;
  setVolumeSizes(sizes: VolumeSizes): void;
  setVolumeFilter(patch: Partial<VolumesSlice['volumeFilter']>): void;
  sortVolumesBy(column: VolumeSortColumn): void;
  openVolumeDialog(dialog: VolumeDialog | null): void;
}

/** One change touches one entity; every other volume object stays the same (rows do not re-render). */
export function reduceVolumeChange(volumes: Record<string, VolumeSummary>, change: VolumeChange): Record<string, VolumeSummary> {
  switch (change.kind) {
    case 'snapshot':
      return Object.fromEntries(change.volumes.map((v) => [v.name, v]));
    case 'upsert':
      return { ...volumes, [change.volume.name]: change.volume };
    case 'remove': {
      if (!(change.name in volumes)) return volumes;
      const { [change.name]: _gone, ...rest } = volumes;
      return rest;
    }
  }
}

export const createVolumesSlice: StateCreator<BerthState, [], [], VolumesSlice> = (set) => ({
  volumes: {},
  volumesLoaded: false,
  volumeSizes: null,
  volumeFilter: { text: '', unusedOnly: false },
  volumeSort: { column: 'name', direction: 'asc' },
  volumeDialog: null,
  applyVolumeChange: (change) => set((s) => ({ volumes: reduceVolumeChange(s.volumes, change), volumesLoaded: true })),
  setVolumeSizes: (sizes) => set({ volumeSizes: sizes }),
  setVolumeFilter: (patch) => set((s) => ({ volumeFilter: { ...s.volumeFilter, ...patch } })),
  sortVolumesBy: (column) =>
    set((s) => ({
      volumeSort:
        s.volumeSort.column === column
          ? { column, direction: s.volumeSort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: column === 'created' || column === 'size' ? 'desc' : 'asc' },
    })),
  openVolumeDialog: (dialog) => set({ volumeDialog: dialog }),
});
