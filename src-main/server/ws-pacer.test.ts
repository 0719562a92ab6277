import { describe, expect, it } from 'vitest';
import { createServer, connect, type AddressInfo } from 'node:net';
import { paceTurn } from './ws-pacer';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('paceTurn', () => {
  it('runs one queued turn per turn of the event loop, in order', async () => {
    const ran: string[] = [];
    paceTurn(() => ran.push('a'));
    paceTurn(() => ran.push('b'));
    paceTurn(() => ran.push('c'));
    expect(ran).toEqual([]);
    await nextTurn();
    expect(ran).toEqual(['a']);
    await nextTurn();
    expect(ran).toEqual(['a', 'b']);
    await nextTurn();
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('lets I/O that arrives between turns be handled before the queue is done', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = connect(port, '127.0.0.1');
      const arrived = new Promise<void>((resolve) => server.once('connection', (socket) => socket.once('data', () => resolve())));
      await new Promise<void>((resolve) => client.once('connect', resolve));
      let sent = 0;
      for (let i = 0; i < 500; i++) paceTurn(() => sent++);
      client.write('request');
      await arrived;
      // Served while most of the queue still waits, not after all 500 turns.
      expect(sent).toBeLessThan(500);
      client.destroy();
      while (sent < 500) await nextTurn();
    } finally {
      server.close();
    }
  });
});
