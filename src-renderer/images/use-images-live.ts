import { sharedStream } from '../shared/shared-stream';
import { useBerthStore } from '../store/store';

/**
 * Keeps the image list live while an images view is on screen: one images.changes
 * stream shared by every view that asks, closed when the last one goes.
 */
export const useImagesLive: () => void = sharedStream('images.changes', {}, (change) => useBerthStore.getState().applyImageChange(change));
