import type { IncomingMessage, ServerResponse } from 'node:http';
import { toErrorShape } from '../api/dispatch';
import { UPLOADS_PATH, type UploadRegistry } from '../api/uploads';
import { hasBearerToken } from './auth';
import { isSameOrigin } from './host-check';
import { serverText } from './messages';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

const refuse = (res: ServerResponse, status: number, message: string) =>
  sendJson(res, status, { ok: false, error: { code: 'invalid-request', message } });

/**
 * `PUT /api/uploads/<id>/<index>`: the body is one announced file, streamed on to the
 * engine as it arrives (TCP's own flow control paces the browser; nothing is buffered
 * whole). Answers `{ ok: true }` or `{ ok: false, error }` as JSON. The caller has checked
 * the Host; the page sends the launch token as `Authorization: Bearer` (a header another
 * origin cannot add without a preflight nobody answers), and an Origin header, when sent,
 * must be this server's. Nothing is claimed before both pass.
 */
export async function serveUpload(req: IncomingMessage, res: ServerResponse, uploads: UploadRegistry, token: string): Promise<void> {
  if (req.headers.origin !== undefined && !isSameOrigin(req.headers.origin, req.headers.host)) {
    return refuse(res, 403, serverText.forbiddenOrigin);
  }
  if (!hasBearerToken(req, token)) {
    return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: serverText.unauthorizedUpload } });
  }
  const match = /^([A-Za-z0-9_-]{16,64})\/(\d{1,6})$/.exec((req.url ?? '').split('?')[0]!.slice(UPLOADS_PATH.length));
  if (!match) return refuse(res, 404, serverText.notFound);
  const taken = uploads.take(match[1]!, Number(match[2]));
  if (!taken.ok) return refuse(res, taken.why === 'used' ? 409 : 404, serverText.uploadUnavailable);
  const length = Number(req.headers['content-length']);
  if (req.headers['content-length'] === undefined || !Number.isSafeInteger(length)) return refuse(res, 411, serverText.uploadLength);
  if (length !== taken.file.size) return refuse(res, 400, serverText.uploadSize(taken.file.size, length));
  try {
    await taken.sink.receive(Number(match[2]), req, length);
    sendJson(res, 200, { ok: true });
  } catch (err) {
    // A client that went away gets no answer; a body read to its end is not "going away".
    if (res.writableEnded || res.destroyed) return;
    const error = toErrorShape(err);
    // A refused upload's remaining body is not wanted: close the connection after the answer instead of draining it.
    if (!req.complete) res.setHeader('Connection', 'close');
    sendJson(res, error.code === 'invalid-request' ? 400 : error.code === 'not-found' ? 404 : 502, { ok: false, error });
  }
}
