// Moved to the design system; kept here so imports from before the move still work.
export { useModalDialog } from '../ui/use-modal-dialog';
