import { createConnection, createServer, type Socket } from 'node:net';

export interface UnixSocketProxy {
  path: string;
  /**
   * Every HTTP request line the engine was sent through the proxy ("POST /auth HTTP/1.1"),
   * in order: what dockerd's debug log would print.
   */
  requestLines: string[];
  /** Stops listening, cuts every piped connection and removes the socket file. */
  close(): Promise<void>;
}

/**
 * A unix socket at `listenPath` that pipes each connection to `targetPath`: an engine
 * that can appear and vanish on demand, for connection and recovery tests.
 */
export function startUnixSocketProxy(listenPath: string, targetPath = '/var/run/docker.sock'): Promise<UnixSocketProxy> {
  const sockets = new Set<Socket>();
  const requestLines: string[] = [];
  const server = createServer((client) => {
    const upstream = createConnection(targetPath);
    // A request line may follow the previous request's body directly (keep-alive, a JSON
    // body ends without CRLF), so it is searched anywhere. A body holding such a line too
    // would be recorded as one more line: that only makes the check stricter.
    let carry = '';
    client.on('data', (chunk: Buffer) => {
      const text = carry + chunk.toString('latin1');
      for (const m of text.matchAll(/((?:GET|POST|PUT|DELETE|HEAD|PATCH) \S+ HTTP\/1\.[01])\r\n/g)) requestLines.push(m[1]!);
      const last = text.lastIndexOf('\r\n');
      carry = (last < 0 ? text : text.slice(last)).slice(-8192);
    });
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
