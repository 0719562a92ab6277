import { createReadStream, type Stats } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pack as createPack, type Header, type Pack } from 'tar-stream';
import type { ContextMatcher } from './build-ignore';

export interface PackedContext {
  /** The tar stream to upload; reading it drives the walk, so nothing is held in memory whole. */
  stream: Readable;
  /** Resolves when every entry is in the archive: how many files and their total size. */
  done: Promise<{ files: number; bytes: number }>;
  /** Stops packing (the build was cancelled). */
  destroy(): void;
}

interface Item {
  rel: string;
  abs: string;
}

/** Depth-first, sorted, skipping what the matcher excludes (whole folders when it can). */
async function* walk(root: string, matcher: ContextMatcher, rel = ''): AsyncGenerator<Item & { dir: boolean }> {
  const entries = await readdir(rel ? join(root, rel) : root, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    const abs = join(root, childRel);
    const excluded = matcher.excludes(childRel);
    if (entry.isDirectory()) {
      // An exception may re-include something inside an excluded folder: walk it then.
      if (excluded && !matcher.hasExceptions) continue;
      if (!excluded) yield { rel: childRel, abs, dir: true };
      yield* walk(root, matcher, childRel);
    } else if (!excluded) {
      yield { rel: childRel, abs, dir: false };
    }
  }
}

interface Loaded {
  item: Item & { dir: boolean };
  stat: Stats;
  content?: Buffer;
  linkname?: string;
}

/** Stats (and reads small files) a few entries ahead, so the disk is never idle between entries. */
async function* readAhead(source: AsyncIterable<Item & { dir: boolean }>, depth: number): AsyncGenerator<Loaded> {
  const load = async (item: Item & { dir: boolean }): Promise<Loaded> => {
    const stat = await lstat(item.abs);
    if (stat.isSymbolicLink()) return { item, stat, linkname: await readlink(item.abs) };
    if (stat.isFile() && stat.size <= SMALL_FILE) return { item, stat, content: await readFile(item.abs) };
    return { item, stat };
  };
  const queue: Promise<Loaded>[] = [];
  const enqueue = (item: Item & { dir: boolean }) => {
    const pending = load(item);
    pending.catch(() => {}); // awaited in order below; this only keeps an early failure from going unhandled
    queue.push(pending);
  };
  for await (const item of source) {
    enqueue(item);
    if (queue.length >= depth) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}

/** Files up to this size are read whole (one read beats a stream's setup); larger ones stream. */
const SMALL_FILE = 256 * 1024;
/** Entries loaded ahead of the packer: at most this many small files (≤ 4 MiB) in memory. */
const READ_AHEAD = 16;

function addEntry(pack: Pack, header: Partial<Header> & { name: string }, file?: string, content?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (content !== undefined) {
      pack.entry(header, content, (err) => (err ? reject(err) : resolve()));
      return;
    }
    const entry = pack.entry(header, (err) => (err ? reject(err) : resolve()));
    if (file === undefined) return;
    const source = createReadStream(file);
    source.on('error', (err) => {
      entry.destroy(err);
      reject(err);
    });
    source.pipe(entry);
  });
}

/**
 * Packs a build context as the docker CLI does: paths relative to the context, owner
 * 0:0, permission bits and mtimes kept, symlinks as links. Files are streamed one at
 * a time as the consumer reads (small files in one read, large ones streamed).
 */
export function packContext(root: string, matcher: ContextMatcher): PackedContext {
  const pack = createPack();
  let files = 0;
  let bytes = 0;
  let stopped = false;
  const done = (async () => {
    try {
      for await (const { item, stat, content, linkname } of readAhead(walk(root, matcher), READ_AHEAD)) {
        if (stopped) break;
        const common = { name: item.rel, mode: stat.mode & 0o7777, mtime: stat.mtime, uid: 0, gid: 0 };
        if (item.dir) await addEntry(pack, { ...common, type: 'directory' });
        else if (linkname !== undefined) await addEntry(pack, { ...common, type: 'symlink', linkname });
        else if (stat.isFile()) {
          if (content !== undefined) await addEntry(pack, { ...common, type: 'file', size: content.length }, undefined, content);
          else await addEntry(pack, { ...common, type: 'file', size: stat.size }, item.abs);
          files++;
          bytes += stat.size;
        }
        // Sockets, fifos and devices have no place in a build context; the CLI skips them too.
      }
      if (!stopped) pack.finalize();
      return { files, bytes };
    } catch (err) {
      pack.destroy(err as Error);
      throw err;
    }
  })();
  done.catch(() => {}); // the stream's error reaches the consumer; this keeps the promise from going unhandled
  return {
    stream: pack as unknown as Readable,
    done,
    destroy() {
      stopped = true;
      pack.destroy();
    },
  };
}
