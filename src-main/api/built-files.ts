import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The built renderer's files (dist/renderer), as both hosts serve them: browser mode's
 * HTTP server and Electron's app:// protocol. One mapping from a URL path to a file, so
 * neither can be talked out of the folder.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const leaves = (root: string, full: string) => {
  const back = path.relative(root, full);
  return back === '' || back.startsWith('..') || path.isAbsolute(back);
};

/**
 * Maps a URL path to a file inside `root`, or undefined when it would leave it.
 * Works on the decoded path, so `%2e%2e/` and `..%2f` are caught the same as `../`.
 */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  return leaves(root, full) ? undefined : full;
}

export interface BuiltFile {
  /** The real path, inside the real root. */
  file: string;
  size: number;
  /** Relative to the root, "/" separated, e.g. "assets/index-1a2b.js". */
  relative: string;
}

/** The regular file a URL path names inside `root`; symlinks that lead outside it count as missing. */
export async function findBuiltFile(root: string, urlPath: string): Promise<BuiltFile | undefined> {
  const candidate = resolveInside(root, urlPath);
  if (candidate === undefined) return undefined;
  try {
    const realRoot = await realpath(root);
    const file = await realpath(candidate);
    if (leaves(realRoot, file)) return undefined;
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    return { file, size: info.size, relative: path.relative(root, candidate).split(path.sep).join('/') };
  } catch {
    return undefined;
  }
}
