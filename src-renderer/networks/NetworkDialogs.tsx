import { useBerthStore } from '../store/store';
import { ConnectNetworkDialog } from './ConnectNetworkDialog';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';
import { useNetworksLive } from './use-networks-live';

/** The networks feature's dialogs, rendered once by the app; whoever opens one sets `networkDialog`. */
export function NetworkDialogs() {
  const dialog = useBerthStore((s) => s.networkDialog);
  if (!dialog) return null;
  return <OpenDialog dialog={dialog} />;
}

function OpenDialog({ dialog }: { dialog: NonNullable<ReturnType<typeof useBerthStore.getState>['networkDialog']> }) {
  // A dialog opened from a container's details or the palette needs the live list too.
  useNetworksLive();
  const close = () => useBerthStore.getState().openNetworkDialog(null);
  switch (dialog.kind) {
    case 'create':
      return <CreateNetworkDialog onClose={close} />;
    case 'remove':
      return <RemoveNetworkDialog key={dialog.id} id={dialog.id} onClose={close} />;
    case 'prune':
      return <PruneNetworksDialog onClose={close} />;
    case 'connect':
      return <ConnectNetworkDialog networkId={dialog.networkId} containerId={dialog.containerId} onClose={close} />;
  }
}
