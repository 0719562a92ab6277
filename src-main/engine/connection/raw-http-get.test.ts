import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNKED_RESPONSE, rawHttpGet } from './raw-http-get';

// Fault injection: a socket server that answers the way a broken or unusual engine would.
// The normal answers are checked against the real engine in raw-http-get.int.test.ts.
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** Serves one answer, written piece by piece, on a fresh unix socket; records the request. */
async function serve(pieces: (string | Buffer)[]): Promise<{ socketPath: string; request: () => string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-raw-get-'));
  const socketPath = path.join(dir, 'engine.sock');
  let request = '';
  const server = net.createServer((conn) => {
    conn.once('data', async (d) => {
      request = d.toString('latin1');
      for (const piece of pieces) {
        conn.write(piece);
        await new Promise((resolve) => setImmediate(resolve));
      }
      conn.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  cleanup = () => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { socketPath, request: () => request };
}

const readAll = async (stream: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const part of stream as AsyncIterable<Buffer>) parts.push(Buffer.from(part));
  return Buffer.concat(parts).toString('latin1');
};

describe('rawHttpGet', () => {
  it('asks over HTTP/1.0 with the query, and joins headers split across reads', async () => {
    const engine = await serve(['HTTP/1.0 200 OK\r', '\nContent-Type: application/vnd.docker.raw-stream\r\n\r', '\nfirst', ' second']);
    const body = await rawHttpGet({ kind: 'socket', socketPath: engine.socketPath }, '/containers/x/logs', { stdout: 1, tail: 'all' });
    expect(await readAll(body!)).toBe('first second');
    expect(engine.request()).toMatch(/^GET \/containers\/x\/logs\?stdout=1&tail=all HTTP\/1\.0\r\nHost: docker\r\n/);
  });

  it('refuses a chunked answer, so the client asks again through the modem', async () => {
    const engine = await serve(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n']);
    const err = await rawHttpGet({ kind: 'socket', socketPath: engine.socketPath }, '/x', {})!.catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe(CHUNKED_RESPONSE);
  });

  it('rejects an answer that is not HTTP, and a non-JSON error body becomes the reason', async () => {
    const garbage = await serve(['SSH-2.0-OpenSSH\r\n\r\n']);
    const err = await rawHttpGet({ kind: 'socket', socketPath: garbage.socketPath }, '/x', {})!.catch((e: unknown) => e);
    expect(String(err)).toMatch(/answered with "SSH-2.0-OpenSSH"/);
    cleanup?.();

    const plain = await serve(['HTTP/1.0 500 Internal Server Error\r\n\r\n', 'log driver broke']);
    const failed = (await rawHttpGet({ kind: 'socket', socketPath: plain.socketPath }, '/x', {})!.catch((e: unknown) => e)) as {
      statusCode: number;
      json: unknown;
    };
    expect(failed.statusCode).toBe(500);
    expect(failed.json).toBe('log driver broke');
  });

  it('rejects with the socket error when nothing listens', async () => {
    const err = await rawHttpGet({ kind: 'socket', socketPath: path.join(tmpdir(), 'berth-no-such.sock') }, '/x', {})!.catch(
      (e: unknown) => e,
    );
    expect((err as { code?: string }).code).toBe('ENOENT');
  });
});
