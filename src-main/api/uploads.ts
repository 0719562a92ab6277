import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { UploadOffer } from '../../src-common/models/files';

/** Files the page sends to main, one HTTP request each, whose bytes main streams on into the engine. */
export interface UploadSink {
  /** What the page announced: each file's relative path and size, by index. */
  files: readonly { path: string; size: number }[];
  /** Takes file `index` (its request body, exactly `size` bytes); resolves once it has landed. */
  receive(index: number, body: Readable, size: number): Promise<void>;
}

export const UPLOADS_PATH = '/api/uploads/';
/** How long an offer waits for its next file; every file that arrives extends it. */
const OFFER_TTL_MS = 60_000;

export type UploadTake =
  | { ok: true; sink: UploadSink; file: { path: string; size: number } }
  | { ok: false; why: 'unknown' | 'bad-index' | 'used' };

export interface UploadRegistry {
  /** Registers an upload and returns its URL (browser mode). */
  offer(sink: UploadSink): UploadOffer;
  /** Claims file `index` of an offer, once. */
  take(id: string, index: number): UploadTake;
}

/**
 * Browser mode's side of uploads: an unguessable, short-lived id per offer, served by the
 * HTTP server under UPLOADS_PATH behind the same token, Host and Origin checks as the rest.
 * Each file index can be sent once; the offer goes when every file was claimed or it expires.
 */
export function createUploadRegistry(now: () => number = Date.now): UploadRegistry {
  const pending = new Map<string, { sink: UploadSink; expires: number; claimed: Set<number> }>();
  const sweep = () => {
    for (const [id, entry] of pending) if (entry.expires < now()) pending.delete(id);
  };
  return {
    offer(sink) {
      sweep();
      const id = randomBytes(18).toString('base64url');
      pending.set(id, { sink, expires: now() + OFFER_TTL_MS, claimed: new Set() });
      return { url: `${UPLOADS_PATH}${id}`, expiresInMs: OFFER_TTL_MS };
    },
    take(id, index) {
      sweep();
      const entry = pending.get(id);
      if (!entry) return { ok: false, why: 'unknown' };
      const file = entry.sink.files[index];
      if (!Number.isInteger(index) || !file) return { ok: false, why: 'bad-index' };
      if (entry.claimed.has(index)) return { ok: false, why: 'used' };
      entry.claimed.add(index);
      entry.expires = now() + OFFER_TTL_MS;
      if (entry.claimed.size === entry.sink.files.length) pending.delete(id);
      return { ok: true, sink: entry.sink, file };
    },
  };
}
