import { randomBytes } from 'node:crypto';
import type { DownloadOffer } from '../../src-common/models/download';

/** A file streamed from the engine to the user, opened only when the user's side is ready. */
export interface DownloadSource {
  /** Suggested file name, e.g. "web-1.log" or "nginx_1.27.tar". */
  filename: string;
  contentType: string;
  /** Opens the engine stream; called at most once. */
  open(signal: AbortSignal): Promise<NodeJS.ReadableStream>;
}

export const DOWNLOADS_PATH = '/api/downloads/';
const OFFER_TTL_MS = 60_000;

export interface DownloadRegistry {
  /** Registers a one-time download and returns its URL path (browser mode). */
  offer(source: DownloadSource): DownloadOffer;
  /** Takes a registered download by id, once; undefined when unknown or expired. */
  take(id: string): DownloadSource | undefined;
  /** The download with this id, left in place (a HEAD request); undefined when unknown or expired. */
  peek(id: string): DownloadSource | undefined;
}

/**
 * Browser mode's side of downloads: a one-time, short-lived id per offer, served by the
 * HTTP server under DOWNLOADS_PATH. The id is the secret (144 random bits, sent only over
 * the authenticated socket): the browser fetches the file by navigating to it, which can
 * carry no token.
 */
export function createDownloadRegistry(now: () => number = Date.now): DownloadRegistry {
  const pending = new Map<string, { source: DownloadSource; expires: number }>();
  const sweep = () => {
    for (const [id, entry] of pending) if (entry.expires < now()) pending.delete(id);
  };
  return {
    offer(source) {
      sweep();
      const id = randomBytes(18).toString('base64url');
      pending.set(id, { source, expires: now() + OFFER_TTL_MS });
      return { kind: 'url', url: `${DOWNLOADS_PATH}${id}`, filename: source.filename };
    },
    take(id) {
      sweep();
      const entry = pending.get(id);
      pending.delete(id);
      return entry?.source;
    },
    peek(id) {
      sweep();
      return pending.get(id)?.source;
    },
  };
}
