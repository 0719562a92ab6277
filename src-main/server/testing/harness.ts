import { afterAll, afterEach, beforeAll } from 'vitest';
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../../src-common/contract/index';
import { startServer, type RunningServer } from '../http-server';
import type { WsLimits } from '../ws-limits';
import { createDownloadRegistry, type DownloadRegistry } from '../../api/downloads';
import { createUploadRegistry, type UploadRegistry } from '../../api/uploads';
import { createCannedHandlers, type CannedHandlers, type CannedOptions } from './canned-handlers';

export const TEST_TOKEN = 'test-token-0123456789-abcdefghij';
export const INDEX_HTML = '<!doctype html><title>Berth test page</title>';

export interface TestServer {
  server: RunningServer;
  downloads: DownloadRegistry;
  uploads: UploadRegistry;
  handlers: CannedHandlers;
  staticDir: string;
  logs: string[];
  host: string;
  /** The cookie older Berths used: nothing may accept it any more. */
  legacyCookie: string;
  openConnections(): number;
  stop(): Promise<void>;
}

export interface TestServerOptions extends CannedOptions {
  limits?: WsLimits;
}

/** A real server on a free port, serving a temp directory with an index.html and one asset. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const root = await mkdtemp(path.join(tmpdir(), 'berth-server-test-'));
  const staticDir = path.join(root, 'renderer');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log(1);');
  await writeFile(path.join(root, 'secret.txt'), 'outside the static dir');
  await symlink(path.join(root, 'secret.txt'), path.join(staticDir, 'escape.txt'));
  const handlers = createCannedHandlers(options);
  const logs: string[] = [];
  const downloads = createDownloadRegistry();
  const uploads = createUploadRegistry();
  const server = await startServer({
    downloads,
    uploads,
    handlers,
    token: TEST_TOKEN,
    host: '127.0.0.1',
    port: 0,
    staticDir,
    log: (line) => logs.push(line),
    launch: { command: 'npm run serve -- --port 0' },
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return {
    server,
    downloads,
    uploads,
    handlers,
    staticDir,
    logs,
    host: `127.0.0.1:${server.port}`,
    legacyCookie: `berth_token_${server.port}=${TEST_TOKEN}`,
    openConnections: () => server.openConnections(),
    stop: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, because tests need to send any Host header and a raw path. */
export function httpRequest(
  port: number,
  rawPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The messages about one call or stream (everything after `ready`). */
export type IdMessage = Extract<ServerMessage, { id: number }>;

export interface TestClient {
  ws: WebSocket;
  messages: IdMessage[];
  closed: { code: number } | undefined;
  send(message: unknown): void;
  next(predicate: (m: IdMessage) => boolean, what: string): Promise<IdMessage>;
  waitClosed(): Promise<number>;
}

export function wsUrl(port: number): string {
  return `ws://127.0.0.1:${port}/api/ws`;
}

/** Opens a same-origin socket, presents the token and waits for `ready`; records everything the server says after it. */
export async function connectClient(t: TestServer, token = TEST_TOKEN): Promise<TestClient> {
  const ws = new WebSocket(wsUrl(t.server.port), { origin: `http://${t.host}` });
  const client: TestClient = {
    ws,
    messages: [],
    closed: undefined,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: async (predicate, what) => {
      let found: IdMessage | undefined;
      await waitFor(() => (found = client.messages.find(predicate)) !== undefined, what);
      return found as IdMessage;
    },
    waitClosed: async () => {
      await waitFor(() => client.closed !== undefined, 'the socket to close');
      return client.closed?.code ?? -1;
    },
  };
  let ready = false;
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as ServerMessage;
    if (message.t === 'ready') ready = true;
    else if (message.t !== 'refused') client.messages.push(message);
  });
  ws.on('close', (code) => (client.closed = { code }));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      ws.send(JSON.stringify({ t: 'auth', token }));
      resolve();
    });
    ws.once('error', reject);
  });
  await waitFor(() => ready || client.closed !== undefined, 'the ready message');
  if (!ready) throw new Error(`The server closed the socket (${client.closed?.code}) instead of answering ready`);
  return client;
}

/** Tries an upgrade and returns the HTTP status the server answered with (101 when it was accepted, before any token). */
export function upgradeStatus(port: number, headers: Record<string, string>, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(port), { headers, ...(origin === undefined ? {} : { origin }) });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (err) => {
      if (!/Unexpected server response/.test(err.message)) reject(err);
    });
  });
}

/**
 * A test file's server (started before its tests, stopped after them) and its clients
 * (closed after each test): `server()` is the running server, `client()` a signed-in socket.
 */
export function useTestServer(options: TestServerOptions = {}): { server: () => TestServer; client: () => Promise<TestClient> } {
  let t: TestServer | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    t = await startTestServer(options);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.ws.terminate();
  });
  afterAll(async () => {
    await t?.stop();
  });
  const server = () => {
    if (!t) throw new Error('the test server is not running (useTestServer is for a test file\'s top level)');
    return t;
  };
  return {
    server,
    client: async () => {
      const c = await connectClient(server());
      clients.push(c);
      return c;
    },
  };
}
