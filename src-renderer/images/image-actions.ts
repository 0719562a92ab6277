import { Download, FileUp, Scissors, Tag, Trash2, Upload, CloudDownload, type LucideIcon } from 'lucide-react';
import { ApiError } from '../../src-common/contract/api-error';
import type { DownloadOffer } from '../../src-common/models/download';
import { api } from '../api/client';
import { startBrowserDownload } from '../shared/start-download';
import { useBerthStore } from '../store/store';
import { notify } from '../ui/toast';
import { openPullDialog, openPushDialog } from '../registries/transfer-dialogs';
import { registryStrings } from '../registries/strings';
import type { ImageTarget } from './images-slice';
import { imageStrings as t } from './strings';

/** What a row action gets: the image and the name the row shows. */
export interface ImageActionTarget extends ImageTarget {
  /** The row's name: the tag, or "<none>@<short id>" for an untagged image. */
  ref: string;
}

/**
 * A button on every image row (and in the details header). Features add theirs to
 * `imageRowActions` (Run, Push…): the accessible name is `label(ref)`, e.g. "Push app:1".
 */
export interface ImageRowAction {
  key: string;
  text: string;
  /** The row shows the icon alone (named by `label(ref)`); the details header shows icon and text. */
  icon?: LucideIcon;
  label(ref: string): string;
  danger?: boolean;
  /** Hidden for targets it does not apply to (e.g. push needs a name). */
  appliesTo?(target: ImageActionTarget): boolean;
  run(target: ImageActionTarget): void;
}

/** A button in the images page toolbar; features add theirs (Pull image, Build image…). */
export interface ImageToolbarAction {
  key: string;
  text: string;
  icon?: LucideIcon;
  /** The page's main action (drawn as the primary button). */
  primary?: boolean;
  run(): void;
}

const errorText = (err: unknown) => (err instanceof ApiError || err instanceof Error ? err.message : String(err));

export function notifyFailure(verb: string, ref: string, err: unknown): void {
  useBerthStore.getState().pushNotice(t.failed(verb, ref, errorText(err)));
}

/** Hands a download offer to the browser (browser mode); Electron already wrote the file. */
export function finishDownload(offer: DownloadOffer): void {
  if (offer.kind === 'url') startBrowserDownload(offer.url, offer.filename);
  // A saved file is a passing confirmation (a toast), not an error banner.
  else if (offer.kind === 'saved') notify({ message: t.saved(offer.path), tone: 'success' });
}

export async function saveImage(target: ImageActionTarget): Promise<void> {
  try {
    finishDownload(await api.call('images.save', { refs: [target.tag ?? target.id] }));
  } catch (err) {
    notifyFailure(t.actions.save, target.ref, err);
  }
}

const open = useBerthStore.getState;

export const imageRowActions: ImageRowAction[] = [
  {
    key: 'tag',
    text: t.actions.tag,
    icon: Tag,
    label: t.actions.tagLabel,
    run: (target) => open().openImageDialog({ kind: 'tag', target }),
  },
  {
    key: 'push',
    text: registryStrings.pushDialog.start,
    icon: Upload,
    label: (ref) => `${registryStrings.pushDialog.start} ${ref}`,
    appliesTo: (target) => target.tag !== null,
    run: (target) => openPushDialog(target.tag ?? target.ref),
  },
  {
    key: 'save',
    text: t.actions.save,
    icon: Download,
    label: t.actions.saveLabel,
    run: (target) => void saveImage(target),
  },
  {
    key: 'remove',
    text: t.actions.remove,
    icon: Trash2,
    label: t.actions.removeLabel,
    danger: true,
    run: (target) => open().openImageDialog({ kind: 'remove', target }),
  },
];

export const imageToolbarActions: ImageToolbarAction[] = [
  { key: 'pull', text: registryStrings.transfers.pull, icon: CloudDownload, primary: true, run: () => openPullDialog() },
  { key: 'prune', text: t.actions.prune, icon: Scissors, run: () => open().openImageDialog({ kind: 'prune' }) },
  { key: 'load', text: t.actions.load, icon: FileUp, run: () => open().openImageDialog({ kind: 'load' }) },
];
