import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentTypeOf, findBuiltFile } from '../api/built-files';
import { APP_HOST, APP_SCHEME } from './app-url';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * The renderer is served from app://berth/ rather than file:// (Electron's security
 * checklist, "avoid the file protocol"): a file:// page may read any other file:// URL,
 * an app:// page only what this handler serves, which is the built renderer and nothing
 * else. A standard, secure scheme gives the page a real origin ('self' in the CSP means
 * app://berth) and relative URLs that resolve as on the web.
 */
/**
 * Must run before the app is ready (Electron's rule for privileged schemes). `codeCache`:
 * Chromium keeps V8's compiled code of http(s) scripts between launches, but of a custom
 * scheme's only when asked (and only for a standard one). Without it every start compiled
 * the first screen's ~350 kB of script (React DOM, the app chunk) again; in a fresh
 * browser context, which has no cache either, that compiling is the largest part of the
 * container list's first open (bench/README.md, "1000 containers: list").
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function answer(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * One app:// request: GET or HEAD of a regular file inside `rendererDir` (after
 * resolving symlinks), with its MIME type and the CSP; anything else is 404 (another
 * host, `..`, a link out of the folder) or 405.
 */
export async function serveAppRequest(request: Pick<Request, 'url' | 'method'>, rendererDir: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return answer(404, 'Not found.');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return answer(404, 'Not found.');
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed.');
  const found = await findBuiltFile(rendererDir, url.pathname);
  if (!found) return answer(404, 'Not found.');
  const body = request.method === 'HEAD' ? null : await readFile(found.file);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(found.file),
      'Content-Length': String(found.size),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

/** Serves app:// from the built renderer; call once the app is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
}
