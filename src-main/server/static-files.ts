import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

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
  const back = path.relative(root, full);
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) return undefined;
  return full;
}

/** Vite puts content-hashed files under /assets/, which may be cached; the page itself never is. */
function cacheControl(relativePath: string): string {
  return relativePath.startsWith('assets/') ? 'private, max-age=31536000, immutable' : 'no-store';
}

export type StaticResult = 'served' | 'not-found';

/** Serves one file from `root` for GET or HEAD; symlinks that point outside `root` count as missing. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  urlPath: string,
): Promise<StaticResult> {
  const candidate = resolveInside(root, urlPath);
  if (candidate === undefined) return 'not-found';
  let file: string;
  let size: number;
  try {
    const realRoot = await realpath(root);
    file = await realpath(candidate);
    const back = path.relative(realRoot, file);
    if (back === '' || back.startsWith('..') || path.isAbsolute(back)) return 'not-found';
    const info = await stat(file);
    if (!info.isFile()) return 'not-found';
    size = info.size;
  } catch {
    return 'not-found';
  }
  const relative = path.relative(root, candidate).split(path.sep).join('/');
  res.statusCode = 200;
  res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Content-Length', size);
  res.setHeader('Cache-Control', cacheControl(relative));
  if (req.method === 'HEAD') {
    res.end();
    return 'served';
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
  return 'served';
}
