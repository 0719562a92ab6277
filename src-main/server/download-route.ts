import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { DOWNLOADS_PATH, type DownloadRegistry, type DownloadSource } from '../api/downloads';

/** RFC 6266: a plain ASCII fallback plus the UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function setDownloadHeaders(res: ServerResponse, source: DownloadSource): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', source.contentType);
  res.setHeader('Content-Disposition', contentDisposition(source.filename));
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * A page of another origin (another port of this machine is the same *site*) has no
 * business fetching a download; Berth's own page navigates to it (same-origin), a person
 * may paste it (none). Browsers that send no Sec-Fetch-Site are let through: the id is
 * the secret either way.
 */
function fromOwnPage(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export type DownloadResult = 'served' | 'not-found' | 'forbidden';

/**
 * Streams a registered download from the engine to the browser. The engine request starts
 * only now and is aborted if the browser goes away, so nothing is held in memory. HEAD
 * answers the headers and leaves the download in place, without asking the engine.
 */
export async function serveDownload(
  req: IncomingMessage,
  pathname: string,
  res: ServerResponse,
  downloads: DownloadRegistry,
): Promise<DownloadResult> {
  if (!fromOwnPage(req)) return 'forbidden';
  const id = pathname.slice(DOWNLOADS_PATH.length);
  if (req.method === 'HEAD') {
    const source = downloads.peek(id);
    if (!source) return 'not-found';
    setDownloadHeaders(res, source);
    res.end();
    return 'served';
  }
  const source = downloads.take(id);
  if (!source) return 'not-found';
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const body = await source.open(abort.signal);
  setDownloadHeaders(res, source);
  await pipeline(body, res).catch((err: unknown) => {
    if (!abort.signal.aborted) throw err;
  });
  return 'served';
}
