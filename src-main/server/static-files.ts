import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf, findBuiltFile } from '../api/built-files';

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
  const found = await findBuiltFile(root, urlPath);
  if (!found) return 'not-found';
  const { file, size, relative } = found;
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeOf(file));
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
