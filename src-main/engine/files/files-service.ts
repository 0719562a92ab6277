import type { Readable } from 'node:stream';
import { ApiError } from '../../../src-common/contract/errors';
import type { FileEntry, PathStat, TextPreview } from '../../../src-common/models/files';
import type { DockerClient } from '../connection/docker-client';
import { openArchive, putArchive, statArchive, type ArchiveTarget } from './archive-client';
import { fileMessages } from './files-messages';
import { FOLDER_ENTRY_LIMIT, listFolderTar, type ListingResult } from './folder-listing';
import { decodeText, readFileStart, singleFileBody } from './tar-entry-body';
import { packUpload, type UploadSource } from './upload-tar';

/** A container's files, or a volume's through its helper (`root` is where it is mounted). */
export interface FilesTarget extends ArchiveTarget {
  /** '' for a container's own filesystem; the mount point for a volume. */
  root: string;
  /** The name a download of the root gets: the container's or the volume's. */
  rootName: string;
}

/** A folder listing that receives nothing for this long has stalled. */
export const LIST_IDLE_MS = 60_000;

export interface FolderSink {
  stat(stat: PathStat): void;
  entries(batch: FileEntry[]): boolean;
  progress(scannedBytes: number, scannedEntries: number): void;
  done(result: ListingResult, entryLimit: number): void;
  fail(err: unknown): void;
  onDrain(listener: () => void): void;
}

/** A file the user downloads: the same shape as the API's DownloadSource. */
export interface FileDownload {
  filename: string;
  contentType: string;
  open(signal: AbortSignal): Promise<NodeJS.ReadableStream>;
}

const enginePath = (t: FilesTarget, path: string) => (path === '/' ? t.root || '/' : `${t.root}${path}`);
const safeFilename = (name: string) => name.replace(/[/\\\0]/g, '_') || 'download';

export function createFilesService(deps: { requireClient(): DockerClient }) {
  const client = () => deps.requireClient();

  /**
   * What the user sees of a stat: a volume's root is the volume, not the helper's mount
   * point, and a link target inside the volume is a path in the volume. A link pointing out
   * of the volume leads into the helper's image, which means nothing: it loses its target.
   */
  const shown = (t: FilesTarget, s: PathStat): PathStat => {
    const out = s.path === '/' ? { ...s, name: t.rootName } : { ...s };
    if (t.root && out.linkTarget !== undefined) {
      if (out.linkTarget === t.root) out.linkTarget = '/';
      else if (out.linkTarget.startsWith(`${t.root}/`)) out.linkTarget = out.linkTarget.slice(t.root.length);
      else delete out.linkTarget;
    }
    return out;
  };
  const stat = async (t: FilesTarget, path: string) => shown(t, await statArchive(client(), t, enginePath(t, path), path));

  /**
   * Lists a folder into the sink. The engine sends the folder as a tar: only headers are
   * read, bodies stream past; past the entry limit it only counts; cancel drops the request.
   */
  function list(t: FilesTarget, path: string, sink: FolderSink, options: { filter?: string; limit?: number } = {}): () => void {
    const limit = options.limit ?? FOLDER_ENTRY_LIMIT;
    const abort = new AbortController();
    let cancelListing: (() => void) | null = null;
    let idle: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        abort.abort();
        cancelListing?.();
        sink.fail(new ApiError('engine-error', fileMessages.stalled(LIST_IDLE_MS / 1000), t.object));
      }, LIST_IDLE_MS);
    };
    void (async () => {
      arm();
      try {
        const { stat: folder, body } = await openArchive(client(), t, enginePath(t, path), path, abort.signal);
        if (!folder) throw new ApiError('engine-error', fileMessages.noStat(path, t.object), t.object);
        sink.stat(shown(t, folder));
        if (folder.type !== 'directory') {
          // A file's tar holds the file: nothing of it is needed here.
          body.destroy();
          sink.done({ complete: true, total: 0, matched: 0 }, limit);
          return;
        }
        body.on('data', arm);
        const listing = listFolderTar(body, { entries: sink.entries, progress: sink.progress }, { limit, ...(options.filter ? { filter: options.filter } : {}) });
        cancelListing = listing.cancel;
        sink.onDrain(() => listing.drained());
        sink.done(await listing.done, limit);
      } catch (err) {
        if (!abort.signal.aborted) sink.fail(err);
      } finally {
        clearTimeout(idle);
      }
    })();
    return () => {
      clearTimeout(idle);
      abort.abort();
      cancelListing?.();
    };
  }

  async function readText(t: FilesTarget, path: string, maxBytes: number): Promise<TextPreview> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 30_000);
    try {
      const { stat: file, body } = await openArchive(client(), t, enginePath(t, path), path, abort.signal);
      if (file?.type === 'directory') {
        body.destroy();
        throw new ApiError('invalid-request', fileMessages.notAFile(path), t.object);
      }
      const { bytes, truncated } = await readFileStart(body, maxBytes);
      const text = decodeText(bytes, truncated);
      return { path, size: file?.size ?? bytes.length, text, truncated, shownBytes: text === null ? 0 : bytes.length };
    } finally {
      clearTimeout(timer);
    }
  }

  /** A file downloads as itself, a folder as the engine's tar (a volume's root without the mount's name). */
  async function download(t: FilesTarget, path: string): Promise<FileDownload> {
    const target = await stat(t, path);
    const isRoot = path === '/';
    if (target.type === 'directory') {
      const name = isRoot ? t.rootName : target.name;
      // "<mount>/." sends the volume's contents as "./…", not under the helper's mount name.
      const from = isRoot && t.root ? `${t.root}/.` : enginePath(t, path);
      return {
        filename: `${safeFilename(name)}.tar`,
        contentType: 'application/x-tar',
        open: async (signal) => (await openArchive(client(), t, from, path, signal)).body,
      };
    }
    return {
      filename: safeFilename(target.name),
      contentType: 'application/octet-stream',
      open: async (signal) => singleFileBody((await openArchive(client(), t, enginePath(t, path), path, signal)).body),
    };
  }

  async function requireFolder(t: FilesTarget, folder: string): Promise<void> {
    const s = await stat(t, folder);
    if (s.type !== 'directory') throw new ApiError('invalid-request', fileMessages.notAFolder(folder), t.object);
  }

  /** Packs the files into one tar and puts it into the folder. */
  async function upload(t: FilesTarget, folder: string, sources: AsyncIterable<UploadSource> | Iterable<UploadSource>, signal?: AbortSignal): Promise<void> {
    await requireFolder(t, folder);
    await putArchive(client(), t, enginePath(t, folder), folder, packUpload(sources), signal);
  }

  /** Puts an archive the caller has already checked (tar-safety.ts) into the folder as it is. */
  async function extractInto(t: FilesTarget, folder: string, tar: Readable, signal?: AbortSignal): Promise<void> {
    await requireFolder(t, folder);
    await putArchive(client(), t, enginePath(t, folder), folder, tar, signal);
  }

  return { stat, list, readText, download, upload, extractInto };
}

export type FilesService = ReturnType<typeof createFilesService>;
