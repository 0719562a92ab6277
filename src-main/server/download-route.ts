import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { DOWNLOADS_PATH, type DownloadRegistry } from '../api/downloads';

/** RFC 6266: a plain ASCII fallback plus the UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Streams a registered download from the engine to the browser. The engine request starts
 * only now and is aborted if the browser goes away, so nothing is held in memory.
 */
export async function serveDownload(
  pathname: string,
  res: ServerResponse,
  downloads: DownloadRegistry,
): Promise<'served' | 'not-found'> {
  const source = downloads.take(pathname.slice(DOWNLOADS_PATH.length));
  if (!source) return 'not-found';
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const body = await source.open(abort.signal);
  res.statusCode = 200;
  res.setHeader('Content-Type', source.contentType);
  res.setHeader('Content-Disposition', contentDisposition(source.filename));
  res.setHeader('Cache-Control', 'no-store');
  await pipeline(body, res).catch((err: unknown) => {
    if (!abort.signal.aborted) throw err;
  });
  return 'served';
}
