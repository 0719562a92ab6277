import type { StateCreator } from 'zustand';
import type { NetworkChange, NetworkSummary } from '../../src-common/models/networks';
import type { BerthState } from '../store/types';

export type NetworkSortColumn = 'name' | 'driver' | 'subnet' | 'containers' | 'created';

/** The networks feature's dialogs, opened from the page, a network's page, a container's details or the palette. */
export type NetworkDialog =
  | { kind: 'create' }
  | { kind: 'remove'; id: string }
  | { kind: 'prune' }
  /** Either side may be fixed by where it was opened: a network's page, or a container's details. */
  | { kind: 'connect'; networkId: string | null; containerId: string | null };

export interface NetworksSlice {
  networks: Record<string, NetworkSummary>;
  networksLoaded: boolean;
  networkFilter: string;
  networkSort: { column: NetworkSortColumn; direction: 'asc' | 'desc' };
  networkDialog: NetworkDialog | null;
  applyNetworkChange(change: NetworkChange): void;
  setNetworkFilter(text: string): void;
  sortNetworksBy(column: NetworkSortColumn): void;
  openNetworkDialog(dialog: NetworkDialog | null): void;
}

/** One change touches one entity; every other network object stays the same. */
export function reduceNetworkChange(networks: Record<string, NetworkSummary>, change: NetworkChange): Record<string, NetworkSummary> {
  switch (change.kind) {
    case 'snapshot':
      return Object.fromEntries(change.networks.map((n) => [n.id, n]));
    case 'upsert':
      return { ...networks, [change.network.id]: change.network };
    case 'remove': {
      if (!(change.id in networks)) return networks;
      const { [change.id]: _gone, ...rest } = networks;
      return rest;
    }
  }
}

export const createNetworksSlice: StateCreator<BerthState, [], [], NetworksSlice> = (set) => ({
  networks: {},
  networksLoaded: false,
  networkFilter: '',
  networkSort: { column: 'name', direction: 'asc' },
  networkDialog: null,
  applyNetworkChange: (change) => set((s) => ({ networks: reduceNetworkChange(s.networks, change), networksLoaded: true })),
  setNetworkFilter: (text) => set({ networkFilter: text }),
  sortNetworksBy: (column) =>
    set((s) => ({
      networkSort:
        s.networkSort.column === column
          ? { column, direction: s.networkSort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: column === 'created' || column === 'containers' ? 'desc' : 'asc' },
    })),
  openNetworkDialog: (dialog) => set({ networkDialog: dialog }),
});

/** A network by id, or by name (routes and links may carry either). */
export function findNetwork(networks: Record<string, NetworkSummary>, ref: string): NetworkSummary | undefined {
  return networks[ref] ?? Object.values(networks).find((n) => n.name === ref || (ref.length >= 4 && n.id.startsWith(ref)));
}
