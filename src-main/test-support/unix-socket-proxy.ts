import { createConnection, createServer, type Socket } from 'node:net';

export interface UnixSocketProxy {
  path: string;
  /**
   * Every request line that went through ("GET /v1.41/containers/json?all=1"), in order:
   * how tests count what Berth asked the engine (e.g. no stats requests while hidden).
   */
  requests: string[];
  /**
   * The same requests as whole request lines ("POST /auth HTTP/1.1"): what dockerd's
   * debug log would print (no secret may appear in one).
   */
  requestLines: string[];
  /** Stops listening, cuts every piped connection and removes the socket file. */
  close(): Promise<void>;
}

/**
 * A request line may follow the previous request's body directly (keep-alive, a JSON body
 * ends without CRLF, and head and body may share a write), so it is searched anywhere. A
 * body holding such a line too would be recorded as one more: that only makes checks stricter.
 */
const REQUEST_LINE = /(GET|POST|PUT|DELETE|HEAD|PATCH) (\/\S*) HTTP\/1\.[01]\r\n/g;

/**
 * A unix socket at `listenPath` that pipes each connection to `targetPath`: an engine
 * that can appear and vanish on demand, for connection and recovery tests.
 */
export function startUnixSocketProxy(listenPath: string, targetPath = '/var/run/docker.sock'): Promise<UnixSocketProxy> {
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const requestLines: string[] = [];
  const server = createServer((client) => {
    // Bytes after the last CRLF wait for the next chunk: a line split across chunks is found whole.
    let carry = '';
    client.on('data', (chunk: Buffer) => {
      const text = carry + chunk.toString('latin1');
      for (const m of text.matchAll(REQUEST_LINE)) {
        requests.push(`${m[1]} ${m[2]}`);
        requestLines.push(m[0].slice(0, -2));
      }
      const last = text.lastIndexOf('\r\n');
      carry = (last < 0 ? text : text.slice(last)).slice(-8192);
    });
    const upstream = createConnection(targetPath);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPath, () =>
      resolve({
        path: listenPath,
        requests,
        requestLines,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
