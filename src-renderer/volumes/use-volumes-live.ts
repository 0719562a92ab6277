import { sharedStream } from '../shared/shared-stream';
import { useBerthStore } from '../store/store';

/**
 * Keeps the volume list live while a volumes view (the page, a volume's details, the
 * palette) is on screen: one volumes.changes stream shared by all of them.
 */
export const useVolumesLive: () => void = sharedStream('volumes.changes', {}, (change) => useBerthStore.getState().applyVolumeChange(change));
