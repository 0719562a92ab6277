import { create } from 'zustand';
import type { TransferKind } from './transfer-client';

interface TransferDialogState {
  /** The open pull or push dialog, with the reference to start from; null when closed. */
  open: { kind: TransferKind; ref: string; seq: number } | null;
}

// The dialogs' own tiny store: which one is open is UI state of this feature only; the
// progress itself stays inside the dialog (high-rate data never goes through a store).
export const useTransferDialogs = create<TransferDialogState>(() => ({ open: null }));

let seq = 0;
/** Opens the Pull dialog, optionally with a reference filled in (e.g. from a Docker Hub result). */
export const openPullDialog = (ref = '') => useTransferDialogs.setState({ open: { kind: 'pull', ref, seq: ++seq } });
/** Opens the Push dialog for a local image (e.g. from an images row: "Push localhost:5000/app:1"). */
export const openPushDialog = (ref = '') => useTransferDialogs.setState({ open: { kind: 'push', ref, seq: ++seq } });
export const closeTransferDialog = () => useTransferDialogs.setState({ open: null });
