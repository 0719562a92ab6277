import { useBerthStore } from '../store/store';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { PruneVolumesDialog } from './PruneVolumesDialog';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';

/** The volumes feature's dialogs, rendered once by the app and opened through the store. */
export function VolumeDialogs() {
  const dialog = useBerthStore((s) => s.volumeDialog);
  const close = () => useBerthStore.getState().openVolumeDialog(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return <CreateVolumeDialog onClose={close} />;
    case 'remove':
      return <RemoveVolumeDialog name={dialog.name} onClose={close} />;
    case 'prune':
      return <PruneVolumesDialog onClose={close} />;
  }
}
