import { createConnection, createServer, type Socket } from 'node:net';

export interface UnixSocketProxy {
  path: string;
  /**
   * Every request line that went through ("GET /v1.41/containers/json?all=1"), in order:
   * how tests count what Berth asked the engine (e.g. no stats requests while hidden).
   */
  requests: string[];
  /** Stops listening, cuts every piped connection and removes the socket file. */
  close(): Promise<void>;
}

const REQUEST_LINE = /(?:^|\r\n)(GET|POST|PUT|DELETE|HEAD) (\/\S*) HTTP\/1\.[01]\r\n/g;

/**
 * A unix socket at `listenPath` that pipes each connection to `targetPath`: an engine
 * that can appear and vanish on demand, for connection and recovery tests.
 */
export function startUnixSocketProxy(listenPath: string, targetPath = '/var/run/docker.sock'): Promise<UnixSocketProxy> {
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const server = createServer((client) => {
    client.on('data', (chunk: Buffer) => {
      // A request starts a chunk (the client writes head and body apart); bodies we send are JSON or tar.
      for (const m of chunk.toString('latin1').matchAll(REQUEST_LINE)) requests.push(`${m[1]} ${m[2]}`);
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
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
