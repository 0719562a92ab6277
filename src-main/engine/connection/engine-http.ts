import { type Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import type { DialOptions } from './endpoint';

/** Raised when a deadline passes; engine-errors.ts words it with the call's name. */
export const ENGINE_TIMEOUT = 'ERR_BERTH_ENGINE_TIMEOUT';
/** Raised when a 2xx JSON answer does not parse. */
export const NOT_JSON = 'ERR_BERTH_NOT_JSON';
/** Raised when the connection closes before the answer was whole. */
export const CUT_SHORT = 'ERR_BERTH_CUT_SHORT';

const MAX_ERROR_BODY_BYTES = 64 * 1024;
const PREVIEW_CHARS = 60;

/** The dialable endpoints (not ssh, which goes through docker-modem). */
export type HttpDial = Exclude<DialOptions, { kind: 'ssh' }>;

export interface EngineHttpCall {
  method: string;
  /** API path without a version prefix; the query goes in `query`, never the body. */
  path: string;
  query?: Record<string, unknown> | undefined;
  /** JSON body. It goes in the request body only — never in the URL. */
  body?: unknown;
  upload?: NodeJS.ReadableStream | undefined;
  uploadType?: string | undefined;
  headers?: Record<string, string>;
  /** 'json': the parsed body; 'text': the body as text; 'stream': the response; 'hijack': the socket. */
  response: 'json' | 'text' | 'stream' | 'hijack';
  /** Statuses besides 2xx that count as success. */
  alsoOk?: readonly number[] | undefined;
  /** For a whole answer (json, text), or for the headers (stream, hijack); 0 = none. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** The call in words ("pull image nginx:1"), for a stream cut short. */
  label?: string | undefined;
}

/**
 * What a stream's reader sees when the connection goes in the middle of it. Node says
 * only "aborted"; a pull or build that ends that way should say what happened.
 */
export const streamCutMessage = (label: string) =>
  `The connection to the engine closed in the middle of '${label}' (did the engine stop or restart?)`;

/**
 * The engine's query string: objects (filters) as JSON, arrays as repeated keys,
 * undefined left out — what the engine's API (and docker-modem) expects.
 */
export function engineQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else if (typeof value === 'object') params.append(key, JSON.stringify(value));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function failure(message: string, code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

export function abortError(): Error {
  return Object.assign(new Error('The request was cancelled'), { name: 'AbortError', code: 'ABORT_ERR' });
}

/** The first bytes of a reply, printable, for a message about a reply that is not JSON. */
export function preview(buffer: Buffer): string {
  const text = buffer.toString('utf8', 0, Math.min(buffer.length, PREVIEW_CHARS * 4)).replace(/\s+/g, ' ').trim();
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text || '(an empty body)';
}

/** A non-2xx answer in the shape engine-errors.ts reads: statusCode, json, reason. */
function statusError(res: IncomingMessage, body: Buffer): Error {
  const text = body.toString('utf8');
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the text itself is the engine's reason.
  }
  const message = json && typeof json === 'object' && 'message' in json ? String(json.message) : text;
  return Object.assign(new Error(`(HTTP code ${res.statusCode}) - ${message}`), {
    statusCode: res.statusCode,
    json,
    reason: res.statusMessage,
  });
}

function requestOptions(dial: HttpDial, agent: HttpAgent | false, call: EngineHttpCall, headers: Record<string, string | number>): RequestOptions {
  const path = `${call.path}${engineQueryString(call.query)}`;
  const base: RequestOptions = { method: call.method, path, headers, agent };
  if (dial.kind === 'socket') return { ...base, socketPath: dial.socketPath };
  return {
    ...base,
    host: dial.host,
    port: dial.port,
    ...(dial.protocol === 'https'
      ? { ca: dial.ca, cert: dial.cert, key: dial.key, rejectUnauthorized: dial.rejectUnauthorized }
      : {}),
  } as RequestOptions;
}

/**
 * One engine request over node:http with the keep-alive agent: the deadline, the abort
 * signal and a consumer that goes away all end in `req.destroy()`, so no socket outlives
 * its request. Nothing is formatted for a debug log, and the body never enters the URL.
 */
export function engineHttp<T>(dial: HttpDial, agent: HttpAgent, call: EngineHttpCall): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (call.signal?.aborted) return reject(abortError());
    const headers: Record<string, string | number> = { ...call.headers };
    let payload: Buffer | undefined;
    if (call.body !== undefined) {
      payload = Buffer.from(JSON.stringify(call.body));
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = payload.length;
    } else if (call.upload) {
      headers['Content-Type'] = call.uploadType ?? 'application/x-tar';
    } else if (call.method === 'POST' || call.method === 'PUT') {
      headers['Content-Length'] = 0;
    }
    const hijack = call.response === 'hijack';
    if (hijack) {
      headers.Connection = 'Upgrade';
      headers.Upgrade = 'tcp';
    }
    const send = dial.kind === 'tcp' && dial.protocol === 'https' ? httpsRequest : httpRequest;
    // A hijacked socket leaves the pool for good: give it a connection of its own.
    const req: ClientRequest = send(requestOptions(dial, hijack ? false : agent, call, headers));

    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const fail = (err: Error) => {
      settle(() => reject(err));
      req.destroy();
    };
    const onAbort = () => fail(abortError());
    call.signal?.addEventListener('abort', onAbort, { once: true });
    const startDeadline = () => {
      if (call.timeoutMs <= 0 || settled) return;
      timer = setTimeout(() => fail(failure('The engine did not answer in time', ENGINE_TIMEOUT, { timeoutMs: call.timeoutMs })), call.timeoutMs);
    };
    // An upload (a build context, an image tar) takes as long as it takes: the deadline
    // for the answer starts once it has been sent.
    if (call.upload) req.once('finish', startDeadline);
    else startDeadline();
    req.on('error', (err) => fail(err));

    const isOk = (status: number) => (status >= 200 && status < 300) || (call.alsoOk ?? []).includes(status);

    req.on('upgrade', (_res, socket: Duplex, head: Buffer) => {
      if (head.length > 0) socket.unshift(head);
      settle(() => resolve(socket as T));
    });

    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      res.on('error', () => undefined); // reported through 'aborted'/'close' below
      if (!isOk(status)) return readWhole(res, MAX_ERROR_BODY_BYTES, (body) => fail(statusError(res, body)));
      if (call.response === 'stream' || hijack) {
        // Headers arrived: a stream has no deadline from here on (it streams progress and
        // ends on cancel), and whoever reads it destroys it, which closes the socket.
        // Node's error for a body cut short says only "aborted": this listener runs before
        // the reader's, and gives it words that say what happened.
        res.on('error', (err: Error & { code?: string }) => {
          if (err.message === 'aborted') {
            err.message = streamCutMessage(call.label ?? call.path);
            err.code = CUT_SHORT;
          }
        });
        settle(() => resolve(res as T));
        const destroyOnAbort = () => res.destroy();
        if (call.signal) {
          call.signal.addEventListener('abort', destroyOnAbort, { once: true });
          res.once('close', () => call.signal?.removeEventListener('abort', destroyOnAbort));
        }
        return;
      }
      readWhole(res, Number.POSITIVE_INFINITY, (body) => {
        if (call.response === 'text') return settle(() => resolve(body.toString('utf8') as T));
        if (body.length === 0) return settle(() => resolve(null as T));
        let value: unknown;
        try {
          value = JSON.parse(body.toString('utf8'));
        } catch {
          return fail(failure(`The engine answered with something that is not JSON: ${preview(body)}`, NOT_JSON, { preview: preview(body) }));
        }
        settle(() => resolve(value as T));
      });
    });

    /** The body up to `limit` bytes, then `done`; a connection cut before the end fails. */
    const readWhole = (res: IncomingMessage, limit: number, done: (body: Buffer) => void) => {
      const parts: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < limit) parts.push(chunk);
        size += chunk.length;
      });
      res.once('end', () => done(Buffer.concat(parts)));
      res.once('close', () => {
        if (!res.complete) fail(failure('The engine closed the connection before its answer was complete', CUT_SHORT));
      });
    };

    if (payload) req.end(payload);
    else if (call.upload) {
      call.upload.on('error', (err: Error) => fail(err));
      call.upload.pipe(req);
    } else req.end();
  });
}
