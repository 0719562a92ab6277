import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import { DownloadOffer } from '../models/download';
import {
  ContainerPath,
  FileTarget,
  FolderChunk,
  FolderFilter,
  PathStat,
  PickedUpload,
  TextPreview,
  UploadMode,
  UploadOffer,
  UploadPath,
} from '../models/files';

/** Up to this many bytes of a text file are shown; the rest is offered as a download. */
export const TEXT_PREVIEW_MAX_BYTES = 1024 * 1024;

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const fileCalls = {
  'files.stat': call({
    doc: "One path's stat (name, type, size, mode, mtime, link target) through the archive API's HEAD.",
    request: z.object({ target: FileTarget, path: ContainerPath }).strict(),
    response: PathStat,
  }),
  'files.readText': call({
    doc: `The start of a file (at most ${TEXT_PREVIEW_MAX_BYTES} bytes) as text, or null when it is binary.`,
    request: z
      .object({ target: FileTarget, path: ContainerPath, maxBytes: z.number().int().min(1).max(TEXT_PREVIEW_MAX_BYTES).optional() })
      .strict(),
    response: TextPreview,
  }),
  'files.download': call({
    doc: 'A file as itself, a folder as a .tar, streamed from the engine (never held in memory).',
    request: z.object({ target: FileTarget, path: ContainerPath }).strict(),
    response: DownloadOffer,
  }),
  'files.uploadOffer': call({
    doc:
      'Browser mode: a one-time URL the page PUTs each file to (`<url>/<index>`, the body the file). Berth ' +
      'wraps each in a tar with its safe relative name and puts it into `folder`. In extract mode the one ' +
      'file is a .tar unpacked into the folder, refused whole if any entry is absolute, has "..", or links out.',
    request: z
      .object({
        target: FileTarget,
        folder: ContainerPath,
        mode: UploadMode,
        files: z.array(z.object({ path: UploadPath, size: z.number().int().min(0) }).strict()).min(1).max(10_000),
      })
      .strict()
      .refine((r) => r.mode === 'files' || r.files.length === 1, 'extract takes exactly one .tar'),
    response: UploadOffer,
  }),
  'files.pickAndUpload': call({
    doc: "Electron: main's own file dialog picks the files (one .tar in extract mode) and uploads them into `folder`.",
    request: z.object({ target: FileTarget, folder: ContainerPath, mode: UploadMode }).strict(),
    response: PickedUpload,
  }),
} as const satisfies Record<string, CallSpec>;

export const fileStreams = {
  'files.list': stream({
    doc:
      "A folder's entries from the archive API: the folder's tar is read header by header (file bodies are " +
      'skipped, never kept); past the entry limit it only counts. `filter` (a case-insensitive name substring) ' +
      'picks the entries sent, so any entry of a bigger folder can be reached. A path that is not a folder sends its stat and ends.',
    args: z.object({ target: FileTarget, path: ContainerPath, filter: FolderFilter.optional() }).strict(),
    chunk: FolderChunk,
  }),
} as const satisfies Record<string, StreamSpec>;
