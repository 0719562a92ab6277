import type { FileType, PathStat } from '../../../src-common/models/files';

/** Go's os.FileMode type bits, as the engine sends them in a path stat. */
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;
/** Device, named pipe, socket, char device, irregular: not something to open as a file. */
const MODE_OTHER_BITS = [2 ** 26, 2 ** 25, 2 ** 24, 2 ** 21, 2 ** 19];

interface RawPathStat {
  name?: unknown;
  size?: unknown;
  mode?: unknown;
  mtime?: unknown;
  linkTarget?: unknown;
}

/** Whether a bit of a 32-bit mode is set (the numbers exceed JavaScript's signed bit operators). */
const has = (mode: number, bits: number) => Math.floor(mode / bits) % 2 === 1;

/** Unix permission bits (with setuid 0o4000, setgid 0o2000, sticky 0o1000) from Go's FileMode. */
export function permissionsOfMode(mode: number): number {
  return (mode % 0o1000) + (has(mode, 2 ** 23) ? 0o4000 : 0) + (has(mode, 2 ** 22) ? 0o2000 : 0) + (has(mode, 2 ** 20) ? 0o1000 : 0);
}

export function fileTypeOfMode(mode: number): FileType {
  if (has(mode, MODE_DIR)) return 'directory';
  if (has(mode, MODE_SYMLINK)) return 'symlink';
  return MODE_OTHER_BITS.some((bit) => has(mode, bit)) ? 'other' : 'file';
}

/**
 * The `X-Docker-Container-Path-Stat` header: base64 JSON of name, size, mode (Go's
 * FileMode), mtime (RFC 3339) and linkTarget (resolved inside the container). Null when
 * absent or unreadable; a malformed header never throws.
 */
export function decodePathStat(header: string | string[] | undefined, path: string): PathStat | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  let raw: RawPathStat;
  try {
    raw = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as RawPathStat;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const mode = typeof raw.mode === 'number' && Number.isFinite(raw.mode) ? raw.mode : 0;
  const mtime = typeof raw.mtime === 'string' ? Date.parse(raw.mtime) / 1000 : Number.NaN;
  const linkTarget = typeof raw.linkTarget === 'string' && raw.linkTarget !== '' ? raw.linkTarget : undefined;
  return {
    path,
    name: typeof raw.name === 'string' ? raw.name : '',
    type: fileTypeOfMode(mode),
    size: typeof raw.size === 'number' && raw.size >= 0 ? raw.size : 0,
    mode: permissionsOfMode(mode),
    mtime: Number.isFinite(mtime) ? Math.floor(mtime) : 0,
    ...(linkTarget ? { linkTarget } : {}),
  };
}
