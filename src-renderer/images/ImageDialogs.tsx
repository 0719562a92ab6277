import { useBerthStore } from '../store/store';
import { LoadImagesDialog } from './LoadImagesDialog';
import { PruneDialog } from './PruneDialog';
import { RemoveImageDialog } from './RemoveImageDialog';
import { TagImageDialog } from './TagImageDialog';
import './images.css';

/** Renders the images dialog that is open, if any; once, by the app. */
export function ImageDialogs() {
  const dialog = useBerthStore((s) => s.imageDialog);
  const close = () => useBerthStore.getState().openImageDialog(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'remove':
      return <RemoveImageDialog key={`${dialog.target.id}|${dialog.target.tag}`} target={dialog.target} onClose={close} />;
    case 'tag':
      return <TagImageDialog key={`${dialog.target.id}|${dialog.target.tag}`} target={dialog.target} onClose={close} />;
    case 'prune':
      return <PruneDialog onClose={close} />;
    case 'load':
      return <LoadImagesDialog onClose={close} />;
  }
}
