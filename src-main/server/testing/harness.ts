import { request } from 'node:http';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../../src-common/contract/index';
import { startServer, type RunningServer } from '../http-server';
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
  cookie: string;
  stop(): Promise<void>;
}

/** A real server on a free port, serving a temp directory with an index.html and one asset. */
export async function startTestServer(options: CannedOptions = {}): Promise<TestServer> {
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
  });
  return {
    server,
    downloads,
    uploads,
    handlers,
    staticDir,
    logs,
    host: `127.0.0.1:${server.port}`,
    cookie: `berth_token_${server.port}=${TEST_TOKEN}`,
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

export interface TestClient {
  ws: WebSocket;
  messages: ServerMessage[];
  closed: { code: number } | undefined;
  send(message: unknown): void;
  next(predicate: (m: ServerMessage) => boolean, what: string): Promise<ServerMessage>;
  waitClosed(): Promise<number>;
}

export function wsUrl(port: number): string {
  return `ws://127.0.0.1:${port}/api/ws`;
}

/** Opens an authenticated same-origin socket and records everything the server says. */
export async function connectClient(t: TestServer): Promise<TestClient> {
  const ws = new WebSocket(wsUrl(t.server.port), { headers: { Cookie: t.cookie }, origin: `http://${t.host}` });
  const client: TestClient = {
    ws,
    messages: [],
    closed: undefined,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: async (predicate, what) => {
      let found: ServerMessage | undefined;
      await waitFor(() => (found = client.messages.find(predicate)) !== undefined, what);
      return found as ServerMessage;
    },
    waitClosed: async () => {
      await waitFor(() => client.closed !== undefined, 'the socket to close');
      return client.closed?.code ?? -1;
    },
  };
  ws.on('message', (data: Buffer) => client.messages.push(JSON.parse(data.toString('utf8')) as ServerMessage));
  ws.on('close', (code) => (client.closed = { code }));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return client;
}

/** Tries an upgrade and returns the HTTP status the server answered with (101 when it was accepted). */
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
