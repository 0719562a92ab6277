import type { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';
import type { FileEntry, FileType } from '../../../src-common/models/files';

/**
 * A folder shows at most this many entries. The engine can only send a folder as the tar
 * of everything beneath it, in name order, depth first; the listing stops reading (and the
 * request is dropped, so the engine stops) once this many direct children are known. A
 * folder of 100,000 files therefore shows its first 10,000 by name and says the rest were
 * left out; downloading it gets everything.
 */
export const FOLDER_ENTRY_LIMIT = 10_000;
const BATCH_ENTRIES = 500;
const BATCH_MS = 100;
const PROGRESS_MS = 250;

export interface ListingSink {
  /** A batch of entries; false when the consumer is behind (reading pauses until `drained`). */
  entries(batch: FileEntry[]): boolean;
  progress(scannedBytes: number, scannedEntries: number): void;
}

export interface Listing {
  /** complete: false when it stopped at the limit. */
  done: Promise<{ complete: boolean }>;
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
export function listFolderTar(body: Readable, sink: ListingSink, limit = FOLDER_ENTRY_LIMIT, now: () => number = Date.now): Listing {
  const tar = extract();
  let prefix: string | null = null;
  let children = 0;
  let scannedBytes = 0;
  let scannedEntries = 0;
  /** The newest direct child folder: its size grows while its subtree passes by. */
  let open: FileEntry | null = null;
  let batch: FileEntry[] = [];
  let batchStarted = 0;
  let lastProgress = now();
  let paused: (() => void) | null = null;
  let settled = false;
  let resolveDone!: (v: { complete: boolean }) => void;
  let rejectDone!: (err: unknown) => void;
  const done = new Promise<{ complete: boolean }>((resolve, reject) => {
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

  function finish(result: { complete: boolean } | Error): void {
    if (settled) return;
    settled = true;
    body.destroy();
    tar.destroy();
    if (result instanceof Error) return rejectDone(result);
    if (open) batch.push(open);
    open = null;
    flush();
    resolveDone(result);
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
    if (children === limit) return finish({ complete: false });
    children += 1;
    let keepGoing = true;
    if (open) keepGoing = push(open);
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
    } else {
      open = null;
      if (!push(entry)) keepGoing = false;
    }
    if (!keepGoing) paused = () => undefined;
  });
  tar.on('finish', () => finish({ complete: true }));
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
    cancel: () => finish({ complete: false }),
  };
}
