import { createSharedSubscription } from '../shared/shared-subscription';
import { useBerthStore } from '../store/store';

const volumes = createSharedSubscription('volumes.changes', (change) => useBerthStore.getState().applyVolumeChange(change));

/**
 * Keeps the volume list live while a volumes view (the page, a volume's details, the
 * palette) is on screen: one volumes.changes stream shared by all of them.
 */
export const useVolumesLive: () => void = volumes.use;
