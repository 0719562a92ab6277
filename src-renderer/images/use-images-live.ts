import { createSharedSubscription } from '../shared/shared-subscription';
import { useBerthStore } from '../store/store';

const images = createSharedSubscription('images.changes', (change) => useBerthStore.getState().applyImageChange(change));

/**
 * Keeps the image list live while an images view is on screen: one images.changes
 * stream shared by every view that asks, closed when the last one goes.
 */
export const useImagesLive: () => void = images.use;
