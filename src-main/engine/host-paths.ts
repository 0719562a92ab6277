import { realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { ApiError } from '../../src-common/contract/errors';

/**
 * The one check for a path on this machine that Berth itself is asked to read (an image
 * .tar to load, a folder to build, its Dockerfile), shared by the engine's features. A
 * client names the path, so it is never trusted: loading /proc/self/environ once sent
 * Berth's own environment, its access token included, to the engine.
 *
 * - the path must be absolute (`~` means the home folder);
 * - symlinks are resolved first (realpath), and the real path is what the caller uses
 *   afterwards, so a link cannot point somewhere else between check and use;
 * - /proc, /sys and /dev are refused: they hold the live state of the system and its
 *   processes, never a user's files;
 * - a file must be a regular file (not a FIFO, socket or device, which would block or
 *   never end), a folder a directory.
 *
 * Errors name their object "<field> <path>" ("file /x", "folder /x"), so a form can put
 * the message on the right field.
 */
export type HostPathKind = 'file' | 'folder';

/** Where the live state of a Linux system is; nothing a person loads or builds lives there. */
const SYSTEM_TREES = ['/proc', '/sys', '/dev'];

export const hostPathMessages = {
  notAbsolute: (kind: HostPathKind, p: string) => `Enter the full path of the ${kind} (starting with /): ${p}`,
  missing: (kind: HostPathKind, p: string) => `There is no ${kind} at ${p} on the machine Berth runs on.`,
  unreadable: (p: string, reason: string) => `Cannot read ${p}: ${reason}`,
  systemTree: (p: string, tree: string) =>
    `${p} is in ${tree}, which holds the live state of the system and its processes, not your files; Berth does not read from there.`,
  notRegularFile: (p: string) => `${p} is not a regular file (it is a folder, a device, a socket or a pipe).`,
  notFolder: (p: string) => `${p} is a file, not a folder.`,
} as const;

function insideTree(real: string, tree: string): boolean {
  return real === tree || real.startsWith(tree + sep);
}

/** The tree of /proc, /sys or /dev that holds `real`, if any (POSIX only; Windows has none of them). */
export function systemTreeOf(real: string, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'win32') return null;
  return SYSTEM_TREES.find((tree) => insideTree(real, tree)) ?? null;
}

/** `~` and `~/…` expanded, trimmed; not yet checked. */
export function expandHome(input: string): string {
  const typed = input.trim();
  return typed === '~' || typed.startsWith('~/') ? join(homedir(), typed.slice(1)) : typed;
}

/**
 * Checks `input` as a `kind` the user typed or picked in the field `field` (the object
 * of any error is `${field} ${path}`), and returns its real path.
 */
export async function checkHostPath(input: string, kind: HostPathKind, field: string = kind): Promise<string> {
  const typed = input.trim();
  const expanded = expandHome(typed);
  if (!isAbsolute(expanded)) throw new ApiError('invalid-request', hostPathMessages.notAbsolute(kind, typed), `${field} ${typed}`);
  const shown = resolve(expanded);
  const object = `${field} ${shown}`;
  // Before touching the path at all: /proc/self/… must not even be opened.
  const typedTree = systemTreeOf(shown);
  if (typedTree) throw new ApiError('invalid-request', hostPathMessages.systemTree(shown, typedTree), object);
  let real: string;
  try {
    real = await realpath(shown);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ApiError('not-found', hostPathMessages.missing(kind, shown), object);
    throw new ApiError('invalid-request', hostPathMessages.unreadable(shown, (err as Error).message), object);
  }
  const tree = systemTreeOf(real);
  if (tree) throw new ApiError('invalid-request', hostPathMessages.systemTree(real === shown ? shown : `${shown} (${real})`, tree), object);
  let info;
  try {
    info = await stat(real);
  } catch (err) {
    throw new ApiError('invalid-request', hostPathMessages.unreadable(shown, (err as Error).message), object);
  }
  if (kind === 'file' && !info.isFile()) throw new ApiError('invalid-request', hostPathMessages.notRegularFile(shown), object);
  if (kind === 'folder' && !info.isDirectory()) throw new ApiError('invalid-request', hostPathMessages.notFolder(shown), object);
  return real;
}
