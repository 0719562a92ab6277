import { sharedStream } from '../shared/shared-stream';
import { useBerthStore } from '../store/store';

/** Keeps the network list live while a view that shows networks is on screen (one shared networks.changes stream). */
export const useNetworksLive: () => void = sharedStream('networks.changes', {}, (change) => useBerthStore.getState().applyNetworkChange(change));
