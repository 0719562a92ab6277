import net from 'node:net';
import fs from 'node:fs';

/**
 * A unix socket that forwards to the real engine: lets a test make an engine
 * "appear" at a path the app was pointed at while it was missing.
 */
export async function startSocketProxy(listenPath: string, target = '/var/run/docker.sock'): Promise<() => Promise<void>> {
  fs.rmSync(listenPath, { force: true });
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(listenPath, resolve));
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}
