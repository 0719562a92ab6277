import type { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';
import type { FileEntry, FileType } from '../../../src-common/models/files';

/**
 * At most this many entries of a folder are sent to the page. The engine can only send a
 * folder as the tar of everything beneath it, in name order, depth first; past the limit
 * the listing goes on reading headers (bodies stream past, nothing is kept) only to count
 * the direct children, so the page can say "the first N of M". A filter (a name
 * substring) is applied before the limit: any entry of a bigger folder can be reached by
 * its name. 100,000 entries are about 10 MB on the wire and in the page.
 */
export const FOLDER_ENTRY_LIMIT = 100_000;
const BATCH_ENTRIES = 500;
const BATCH_MS = 100;
const PROGRESS_MS = 250;

export interface ListingSink {
  /** A batch of entries; false when the consumer is behind (reading pauses until `drained`). */
  entries(batch: FileEntry[]): boolean;
  progress(scannedBytes: number, scannedEntries: number): void;
}

export interface ListingResult {
  /** Every (matching) entry was sent: false when some were past the limit. */
  complete: boolean;
  /** Direct children of the folder. */
  total: number;
  /** Direct children whose name matched the filter (all of them without one). */
  matched: number;
}

export interface ListingOptions {
  limit?: number;
  /** Case-insensitive substring of the names to send; empty or absent sends every name. */
  filter?: string;
  now?: () => number;
}

export interface Listing {
  done: Promise<ListingResult>;
  /** The consumer caught up: reading goes on. */
  drained(): void;
  cancel(): void;
}

function typeOf(header: Header): FileType {
  switch (header.type) {
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    case 'file':
    case 'contiguous-file':
    case 'link':
      return 'file';
    default:
      return 'other';
  }
}

/** "./a/b/", "/a/b" and "a/b" all mean a/b. */
const normalize = (name: string) => name.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');

/**
 * Lists the direct children of the folder a tar stream holds (its first entry is the
 * folder itself). Bodies are skipped as they stream past and never kept; a child folder's
 * `totalSize` is the sum of the files beneath it, sent once its subtree has gone by.
 */
export function listFolderTar(body: Readable, sink: ListingSink, options: ListingOptions = {}): Listing {
  const { limit = FOLDER_ENTRY_LIMIT, now = Date.now } = options;
  const needle = options.filter?.toLowerCase() ?? '';
  const tar = extract();
  let prefix: string | null = null;
  let children = 0;
  let matched = 0;
  let scannedBytes = 0;
  let scannedEntries = 0;
  /** The newest direct child folder: its size grows while its subtree passes by. */
  let open: FileEntry | null = null;
  let batch: FileEntry[] = [];
  let batchStarted = 0;
  let lastProgress = now();
  let paused: (() => void) | null = null;
  let settled = false;
  let resolveDone!: (v: ListingResult) => void;
  let rejectDone!: (err: unknown) => void;
  const done = new Promise<ListingResult>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });

  function flush(): boolean {
    if (batch.length === 0) return true;
    const out = batch;
    batch = [];
    return sink.entries(out);
  }

  function push(entry: FileEntry): boolean {
    if (batch.length === 0) batchStarted = now();
    batch.push(entry);
    return batch.length >= BATCH_ENTRIES || now() - batchStarted >= BATCH_MS ? flush() : true;
  }

  function finish(result: { read: boolean } | Error): void {
    if (settled) return;
    settled = true;
    body.destroy();
    tar.destroy();
    if (result instanceof Error) return rejectDone(result);
    if (open) batch.push(open);
    open = null;
    flush();
    resolveDone({ complete: result.read && matched <= limit, total: children, matched });
  }

  tar.on('entry', (header, stream, next) => {
    scannedEntries += 1;
    stream.on('end', () => {
      if (settled) return;
      if (now() - lastProgress >= PROGRESS_MS) {
        lastProgress = now();
        sink.progress(scannedBytes, scannedEntries);
      }
      if (paused === null) next();
      else paused = next;
    });
    stream.resume();
    const name = normalize(header.name);
    if (prefix === null) {
      prefix = name === '' ? '' : `${name}/`;
      return;
    }
    if (!`${name}/`.startsWith(prefix) || name.length <= prefix.length - 1) return;
    const rel = name.slice(prefix.length);
    const slash = rel.indexOf('/');
    if (slash >= 0) {
      // Beneath a direct child: counts towards that folder's size.
      if (open && rel.slice(0, slash) === open.name && typeOf(header) === 'file') open.totalSize = (open.totalSize ?? 0) + header.size;
      return;
    }
    children += 1;
    // The previous child folder's subtree has gone by: its size is known.
    let keepGoing = open ? push(open) : true;
    open = null;
    const counted = needle === '' || rel.toLowerCase().includes(needle);
    if (counted) matched += 1;
    // A name the filter leaves out, or past the limit: only the count goes on.
    if (!counted || matched > limit) {
      if (!keepGoing) paused = () => undefined;
      return;
    }
    const entry: FileEntry = {
      name: rel,
      type: typeOf(header),
      size: header.type === 'file' || header.type === 'contiguous-file' ? header.size : 0,
      mode: header.mode % 0o10000,
      mtime: Math.floor(header.mtime.getTime() / 1000),
      ...(header.linkname ? { linkTarget: header.linkname } : {}),
    };
    if (entry.type === 'directory') {
      entry.totalSize = 0;
      open = entry;
    } else if (!push(entry)) keepGoing = false;
    if (!keepGoing) paused = () => undefined;
  });
  tar.on('finish', () => finish({ read: true }));
  tar.on('error', (err: Error) => finish(err));
  body.on('data', (chunk: Buffer) => {
    scannedBytes += chunk.length;
  });
  body.on('error', (err: Error) => finish(err));
  body.pipe(tar as unknown as NodeJS.WritableStream);

  return {
    done,
    drained() {
      const resume = paused;
      paused = null;
      resume?.();
    },
    cancel: () => finish({ read: false }),
  };
}
