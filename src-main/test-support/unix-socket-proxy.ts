import { createConnection, createServer, type Socket } from 'node:net';

export interface UnixSocketProxy {
  path: string;
  /** Stops listening, cuts every piped connection and removes the socket file. */
  close(): Promise<void>;
}

/**
 * A unix socket at `listenPath` that pipes each connection to `targetPath`: an engine
 * that can appear and vanish on demand, for connection and recovery tests.
 */
export function startUnixSocketProxy(listenPath: string, targetPath = '/var/run/docker.sock'): Promise<UnixSocketProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
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
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
