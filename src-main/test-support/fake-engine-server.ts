import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a scripted route does with one request; `body` is the whole request body. */
export type FakeRoute = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

export interface RecordedRequest {
  method: string;
  /** The request line's target, query included, exactly as it arrived. */
  url: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeEngine {
  socketPath: string;
  /** `unix://<socketPath>`, for DOCKER_HOST. */
  dockerHost: string;
  /** Scripts `METHOD /path` (the path without the query and without a `/v1.xx` prefix). */
  on(method: string, path: string | RegExp, route: FakeRoute): void;
  /** Every request so far, in order. */
  readonly requests: RecordedRequest[];
  /** How many requests so far hit this path. */
  count(path: string): number;
  /** Connections open right now (hung requests included). */
  openConnections(): number;
  close(): Promise<void>;
}

/** Answers with JSON. */
export const json =
  (value: unknown, status = 200): FakeRoute =>
  (_req, res) => {
    const text = JSON.stringify(value);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };

/** Answers with a status and the engine's error shape `{ "message": … }`. */
export const engineError = (status: number, message: string): FakeRoute => json({ message }, status);

/** Answers 200 with a body that is not JSON. */
export const garbage =
  (text = '<html>not json</html>', status = 200): FakeRoute =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };

/** Never answers (the connection stays open until the client gives up). */
export const hang: FakeRoute = () => undefined;

/** Sends the headers and half a body, then cuts the connection. */
export const closeMidBody: FakeRoute = (req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 1000 });
  res.write('[{"Id":"abc"');
  setTimeout(() => req.socket.destroy(), 20);
};

/** Sends a JSON body a few bytes at a time, `everyMs` apart. */
export const slowDrip =
  (value: unknown, everyMs = 200, bytes = 4): FakeRoute =>
  (req, res) => {
    const text = Buffer.from(JSON.stringify(value));
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': text.length });
    let at = 0;
    const timer = setInterval(() => {
      if (req.socket.destroyed) return clearInterval(timer);
      res.write(text.subarray(at, at + bytes));
      at += bytes;
      if (at >= text.length) {
        clearInterval(timer);
        res.end();
      }
    }, everyMs);
  };

/** An events stream that stays open and sends nothing until the client goes. */
export const openEventsStream: FakeRoute = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.flushHeaders();
};

const VERSION = {
  Version: '99.0.0-fake',
  ApiVersion: '1.41',
  Os: 'linux',
  Arch: 'amd64',
  Platform: { Name: 'Fake Engine' },
  Components: [{ Name: 'Engine', Version: '99.0.0-fake' }],
};

/**
 * A small engine on a unix socket whose routes a test scripts: answer JSON, answer
 * garbage, hang, refuse `/events`, cut a body, drip one. Used through the normal
 * `createEngine` / `createDockerClient` with `DOCKER_HOST=unix://…`, so the whole
 * transport is under test. Unscripted routes answer 404 with the engine's error shape.
 * Defaults: a healthy ping and version, an events stream that stays open, empty lists.
 */
export async function startFakeEngine(): Promise<FakeEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-fake-engine-'));
  const socketPath = join(dir, 'engine.sock');
  const routes: { method: string; path: string | RegExp; route: FakeRoute }[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const on = (method: string, path: string | RegExp, route: FakeRoute) => {
    routes.unshift({ method: method.toUpperCase(), path, route });
  };
  on('GET', '/_ping', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Api-Version': '1.41' });
    res.end('OK');
  });
  on('HEAD', '/_ping', (_req, res) => res.writeHead(200).end());
  on('GET', '/version', json(VERSION));
  on('GET', '/events', openEventsStream);
  on('GET', '/containers/json', json([]));
  on('GET', '/images/json', json([]));

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const path = url.split('?')[0]!.replace(/^\/v\d+\.\d+(?=\/)/, '');
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', url, path, headers: req.headers, body: body.toString('utf8') });
      const hit = routes.find(
        (r) => r.method === req.method && (typeof r.path === 'string' ? r.path === path : r.path.test(path)),
      );
      if (hit) hit.route(req, res, body);
      else engineError(404, `page not found: ${path}`)(req, res, body);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });

  return {
    socketPath,
    dockerHost: `unix://${socketPath}`,
    on,
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          done();
        });
      }),
  };
}
