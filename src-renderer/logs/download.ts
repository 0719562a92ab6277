import type { DownloadOffer } from '../../src-common/models/download';
import { api } from '../api/client';
import { startBrowserDownload } from '../shared/start-download';
import { logStrings as t } from './strings';

/**
 * Asks main for the container's whole log as a file. Browser mode gets a one-time URL
 * the page downloads from (an <a download> click); Electron has saved it already.
 * Returns what to tell the user, or null.
 */
export async function downloadContainerLog(id: string): Promise<string | null> {
  const offer: DownloadOffer = await api.call('logs.download', { id });
  if (offer.kind === 'saved') return t.savedTo(offer.path);
  if (offer.kind === 'cancelled') return null;
  startBrowserDownload(offer.url, offer.filename);
  return null;
}
