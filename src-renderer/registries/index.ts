// What other features use: pull an image with progress (the run dialog), show that
// progress, and open the Pull / Push dialogs (the images page).
export { pullImage, pushImage, startImageTransfer, type RunningTransfer, type TransferResult } from './transfer-client';
export { PullProgress } from './PullProgress';
export { openPullDialog, openPushDialog } from './transfer-dialogs';
export { TransferDialogs } from './TransferDialog';
