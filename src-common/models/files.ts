import { z } from 'zod';
import { ContainerId } from './container';

/**
 * A path inside a container (or a volume): absolute, already normalized (no "." or ".."
 * segments, no "//", no trailing "/" except the root itself), no NUL, no backslash.
 * Checked here so nothing else has to wonder where a path might point.
 */
export function containerPathProblem(path: string): string | null {
  if (!path.startsWith('/')) return 'must be absolute (start with "/")';
  if (path.includes('\0')) return 'must not contain NUL';
  if (path.includes('\\')) return 'must not contain "\\"';
  if (path === '/') return null;
  if (path.endsWith('/')) return 'must not end with "/"';
  for (const segment of path.slice(1).split('/')) {
    if (segment === '') return 'must not contain "//"';
    if (segment === '.' || segment === '..') return 'must not contain "." or ".." segments';
  }
  return null;
}

export const ContainerPath = z
  .string()
  .min(1)
  .max(4096)
  .superRefine((path, ctx) => {
    const problem = containerPathProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: `a path ${problem}` });
  });

/** The id of one volume-browsing session (its helper container lives as long as the session). */
export const BrowseSessionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a browse session id');

/** Whose files: a container's filesystem, or a volume through its browse session. */
export const FileTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('container'), id: ContainerId }).strict(),
  z.object({ kind: z.literal('volume'), session: BrowseSessionId }).strict(),
]);
export type FileTarget = z.infer<typeof FileTarget>;

export const FileType = z.enum(['file', 'directory', 'symlink', 'other']);
export type FileType = z.infer<typeof FileType>;

export const FileEntry = z.object({
  name: z.string(),
  type: FileType,
  /** Bytes (files); 0 for folders. */
  size: z.number(),
  /** Permission bits, e.g. 0o644. */
  mode: z.number().int(),
  /** Unix seconds. */
  mtime: z.number(),
  linkTarget: z.string().optional(),
  /** Folders: bytes of every file beneath it, when the whole folder was read. */
  totalSize: z.number().optional(),
});
export type FileEntry = z.infer<typeof FileEntry>;

/** The engine's stat of one path (`X-Docker-Container-Path-Stat`). */
export const PathStat = z.object({
  path: z.string(),
  name: z.string(),
  type: FileType,
  size: z.number(),
  mode: z.number().int(),
  mtime: z.number(),
  linkTarget: z.string().optional(),
});
export type PathStat = z.infer<typeof PathStat>;

/**
 * A folder listing as it is read: the folder's stat first, entries in batches (in the
 * order of the engine's tar, i.e. by name), progress while a big subtree streams past,
 * and `done` at the end with the folder's exact count — `complete: false` when more
 * entries matched than the limit lets through.
 */
/** A case-insensitive substring of the names a folder listing sends. */
export const FolderFilter = z.string().max(255).refine((f) => !f.includes('\0') && !f.includes('/'), 'a name filter without "/" or NUL');

export const FolderChunk = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stat'), stat: PathStat }),
  z.object({ kind: z.literal('entries'), entries: z.array(FileEntry) }),
  z.object({ kind: z.literal('progress'), scannedBytes: z.number(), scannedEntries: z.number() }),
  z.object({
    kind: z.literal('done'),
    /** Every (matching) entry was sent: false when more than `entryLimit` matched. */
    complete: z.boolean(),
    entryLimit: z.number().int(),
    /** Direct children of the folder, counted to the end even past the limit. */
    total: z.number().int(),
    /** Of those, how many matched the filter (`total` without one). */
    matched: z.number().int(),
  }),
]);
export type FolderChunk = z.infer<typeof FolderChunk>;

export const TextPreview = z.object({
  path: z.string(),
  size: z.number(),
  /** Null when the file is binary (NUL bytes, or not UTF-8). */
  text: z.string().nullable(),
  /** Only the first `shownBytes` bytes are in `text`. */
  truncated: z.boolean(),
  shownBytes: z.number(),
});
export type TextPreview = z.infer<typeof TextPreview>;

/**
 * A relative path of an uploaded file inside the chosen folder: "a.txt" or "sub/a.txt"
 * (a folder upload). Never absolute, never "..", never empty segments.
 */
export function uploadPathProblem(path: string): string | null {
  if (path === '') return 'is empty';
  if (path.startsWith('/')) return 'must be relative';
  if (path.includes('\0') || path.includes('\\')) return 'must not contain NUL or "\\"';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return 'must not contain empty, "." or ".." segments';
  }
  return null;
}

export const UploadPath = z
  .string()
  .max(4096)
  .superRefine((path, ctx) => {
    const problem = uploadPathProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: `an upload path ${problem}` });
  });

/** 'files': each file lands as itself; 'extract': one .tar whose entries are unpacked into the folder. */
export const UploadMode = z.enum(['files', 'extract']);
export type UploadMode = z.infer<typeof UploadMode>;

export const UploadResult = z.object({
  uploaded: z.array(z.object({ path: z.string(), size: z.number() })),
  failed: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type UploadResult = z.infer<typeof UploadResult>;

/** Browser mode: where the page sends each file (`PUT <url>/<index>`), once, within a minute. */
export const UploadOffer = z.object({ url: z.string(), expiresInMs: z.number() });
export type UploadOffer = z.infer<typeof UploadOffer>;

export const PickedUpload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('done'), result: UploadResult }),
]);
export type PickedUpload = z.infer<typeof PickedUpload>;

/** The chunks of a volume-browsing session: `ready` once its helper container exists. */
export const BrowseChunk = z.object({
  kind: z.literal('ready'),
  session: BrowseSessionId,
  volume: z.string(),
});
export type BrowseChunk = z.infer<typeof BrowseChunk>;
