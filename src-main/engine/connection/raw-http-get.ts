import net from 'node:net';
import { Readable } from 'node:stream';
import type { DialOptions } from './endpoint';
import { abortError, ENGINE_TIMEOUT } from './engine-http';

/** Raised when a response comes chunked after all: the caller asks again the usual way. */
export const CHUNKED_RESPONSE = 'ERR_BERTH_CHUNKED_RESPONSE';

const MAX_HEAD_BYTES = 64 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * A GET whose response body is handed on exactly as it comes off the socket, or null
 * when the endpoint needs TLS or ssh (the caller then uses the modem).
 *
 * Why: the engine flushes a log stream after every line, and to an HTTP/1.1 client each
 * flush is a chunk of the chunked encoding, so Node's HTTP parser wakes once per line
 * (a million callbacks and `data` events for a million lines; about a third of main's CPU
 * while a big log was read). Asked over HTTP/1.0, the engine may not chunk: it writes the
 * body as it is and closes the connection at its end, and one socket read carries
 * whatever lines arrived meanwhile. HTTP/1.0 needs no more than this: a status line,
 * headers up to an empty line, then the body until the connection closes.
 *
 * A non-2xx answer rejects with `statusCode` and the engine's JSON (`json`), the shape
 * engine-errors.ts reads; socket failures reject with the socket's error (`code`).
 */
export function rawHttpGet(
  dial: DialOptions,
  path: string,
  query: Record<string, string | number>,
  signal?: AbortSignal,
  /** For the headers (and an error's body); the body of a 2xx answer has none. 0 = none. */
  headersTimeoutMs = 0,
): Promise<Readable> | null {
  if (dial.kind === 'ssh' || (dial.kind === 'tcp' && dial.protocol === 'https')) return null;
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const host = dial.kind === 'tcp' ? `${dial.host}:${dial.port}` : 'docker';
  return new Promise<Readable>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const socket = dial.kind === 'socket' ? net.connect(dial.socketPath) : net.connect(dial.port, dial.host);
    let settled = false;
    const fail = (err: unknown) => {
      clearTimeout(deadline);
      socket.destroy();
      if (!settled) {
        settled = true;
        reject(err);
      }
    };
    const deadline =
      headersTimeoutMs > 0
        ? setTimeout(
            () => fail(Object.assign(new Error('The engine did not answer in time'), { code: ENGINE_TIMEOUT, timeoutMs: headersTimeoutMs })),
            headersTimeoutMs,
          )
        : undefined;
    const onAbort = () => fail(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.write(`GET ${path}${search ? `?${search}` : ''} HTTP/1.0\r\nHost: ${host}\r\nUser-Agent: Berth\r\n\r\n`);

    let head: Buffer = Buffer.alloc(0);
    const onHead = (chunk: Buffer) => {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD_BYTES) fail(new Error('The engine sent a response without an end to its headers'));
        return;
      }
      socket.off('data', onHead);
      const lines = head.toString('latin1', 0, end).split('\r\n');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
      const rest = head.subarray(end + 4);
      if (!status) return fail(new Error(`The engine answered with "${lines[0] ?? ''}"`));
      const statusCode = Number(status[1]);
      if (lines.some((l) => /^transfer-encoding:.*chunked/i.test(l))) {
        return fail(Object.assign(new Error('The engine chunked a response to an HTTP/1.0 request'), { code: CHUNKED_RESPONSE }));
      }
      if (statusCode < 200 || statusCode > 299) return readError(statusCode, rest);
      settled = true;
      clearTimeout(deadline);
      socket.off('error', fail);
      resolve(bodyStream(socket, rest, signal, onAbort));
    };
    socket.on('data', onHead);

    /** The engine's JSON error message, then reject with it. */
    const readError = (statusCode: number, first: Buffer) => {
      const parts = [first];
      let size = first.length;
      socket.on('data', (chunk: Buffer) => {
        if (size < MAX_ERROR_BODY_BYTES) parts.push(chunk);
        size += chunk.length;
      });
      socket.once('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {
          // Not JSON: the text itself is the engine's reason.
        }
        const message = typeof json === 'object' && json && 'message' in json ? String(json.message) : text;
        fail(Object.assign(new Error(`(HTTP code ${statusCode}) - ${message}`), { statusCode, json }));
      });
    };
  });
}

/** The body as a Readable that pauses the socket while its reader is behind. */
function bodyStream(socket: net.Socket, first: Buffer, signal: AbortSignal | undefined, onAbort: () => void): Readable {
  const body = new Readable({
    read: () => void socket.resume(),
    destroy: (err, callback) => {
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      callback(err);
    },
  });
  signal?.removeEventListener('abort', onAbort);
  signal?.addEventListener('abort', () => body.destroy(), { once: true });
  if (first.length > 0) body.push(first);
  socket.on('data', (chunk: Buffer) => {
    if (!body.push(chunk)) socket.pause();
  });
  socket.once('end', () => body.push(null));
  socket.once('error', (err) => body.destroy(err));
  return body;
}
