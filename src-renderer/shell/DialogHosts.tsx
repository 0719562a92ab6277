import { useTransferDialogs } from '../registries/transfer-dialogs';
import { useRunDialogRequest } from '../run/run-dialog-state';
import { useBerthStore } from '../store/store';
import { lazyNamed, preloadWhenIdle } from './lazy-named';

// Every dialog's code (its forms, their checks, the palette's search) loads on first use
// or once the first screen is up, not before the containers list: none of it is on screen
// when the app opens. Each dialog mounts when opened (showModal on mount), so loading it
// then only delays that mount by the chunk's fetch, if the idle preload has not done it.
const RemoveDialog = lazyNamed(() => import('../containers/RemoveDialog'), 'RemoveDialog');
const TransferDialogs = lazyNamed(() => import('../registries/TransferDialog'), 'TransferDialogs');
const ImageDialogs = lazyNamed(() => import('../images/ImageDialogs'), 'ImageDialogs');
const VolumeDialogs = lazyNamed(() => import('../volumes/VolumeDialogs'), 'VolumeDialogs');
const NetworkDialogs = lazyNamed(() => import('../networks/NetworkDialogs'), 'NetworkDialogs');
const RunDialog = lazyNamed(() => import('../run/RunDialog'), 'RunDialog');
const CommandPalette = lazyNamed(() => import('../palette/CommandPalette'), 'CommandPalette');
const ShortcutsDialog = lazyNamed(() => import('../keyboard/ShortcutsDialog'), 'ShortcutsDialog');
preloadWhenIdle(RemoveDialog, RunDialog, CommandPalette, TransferDialogs, ImageDialogs, VolumeDialogs, NetworkDialogs, ShortcutsDialog);

/** The app's dialogs, each mounted while it is open. */
export function DialogHosts() {
  const remove = useBerthStore((s) => s.removeRequest !== null);
  const image = useBerthStore((s) => s.imageDialog !== null);
  const volume = useBerthStore((s) => s.volumeDialog !== null);
  const network = useBerthStore((s) => s.networkDialog !== null);
  const palette = useBerthStore((s) => s.paletteOpen);
  const shortcuts = useBerthStore((s) => s.shortcutsHelpOpen);
  const transfer = useTransferDialogs((s) => s.open !== null);
  const run = useRunDialogRequest() !== null;
  return (
    <>
      {remove && <RemoveDialog />}
      {transfer && <TransferDialogs />}
      {image && <ImageDialogs />}
      {volume && <VolumeDialogs />}
      {network && <NetworkDialogs />}
      {run && <RunDialog />}
      {palette && <CommandPalette />}
      {shortcuts && <ShortcutsDialog />}
    </>
  );
}
