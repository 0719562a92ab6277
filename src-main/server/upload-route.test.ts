import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src-common/contract/errors';
import { httpRequest, startTestServer, TEST_TOKEN, type TestServer } from './testing/harness';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function collect(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('uploads in browser mode', () => {
  it('streams each announced file once, behind the tab\'s token (a bearer header, never the old cookie) and the same origin', async () => {
    t = await startTestServer();
    const got: [number, string][] = [];
    const offer = t.uploads.offer({
      files: [
        { path: 'a.txt', size: 5 },
        { path: 'sub/b.bin', size: 3 },
      ],
      receive: async (index, body) => void got.push([index, (await collect(body)).toString()]),
    });
    const auth = { Host: t.host, Authorization: `Bearer ${TEST_TOKEN}` };
    expect((await httpRequest(t.server.port, `${offer.url}/0`, { Host: t.host }, 'PUT', Buffer.from('hello'))).status).toBe(401);
    expect((await httpRequest(t.server.port, `${offer.url}/0`, { Host: t.host, Cookie: t.legacyCookie }, 'PUT', Buffer.from('hello'))).status).toBe(401);
    const wrong = { Host: t.host, Authorization: `Bearer ${TEST_TOKEN.slice(0, -1)}X` };
    expect((await httpRequest(t.server.port, `${offer.url}/0`, wrong, 'PUT', Buffer.from('hello'))).status).toBe(401);
    expect((await httpRequest(t.server.port, `${offer.url}/0`, { ...auth, Origin: 'http://evil.example' }, 'PUT', Buffer.from('hello'))).status).toBe(403);
    const first = await httpRequest(t.server.port, `${offer.url}/0`, { ...auth, Origin: `http://${t.host}` }, 'PUT', Buffer.from('hello'));
    expect(first).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect((await httpRequest(t.server.port, `${offer.url}/0`, auth, 'PUT', Buffer.from('hello'))).status).toBe(409);
    expect((await httpRequest(t.server.port, `${offer.url}/1`, auth, 'PUT', Buffer.from('abc'))).status).toBe(200);
    expect(got).toEqual([
      [0, 'hello'],
      [1, 'abc'],
    ]);
    // Every file was sent: the offer is gone.
    expect((await httpRequest(t.server.port, `${offer.url}/1`, auth, 'PUT', Buffer.from('abc'))).status).toBe(404);
  });

  it('refuses a body of another size than announced, and passes a refusal on as JSON', async () => {
    t = await startTestServer();
    let received = 0;
    const offer = t.uploads.offer({
      files: [
        { path: 'a', size: 4 },
        { path: 'b', size: 2 },
      ],
      receive: async (index, body) => {
        received += 1;
        await collect(body);
        if (index === 1) throw new ApiError('invalid-request', 'Refused the archive: its entry "../x" climbs out of the folder with "..". Nothing was written.');
      },
    });
    const auth = { Host: t.host, Authorization: `Bearer ${TEST_TOKEN}` };
    const wrong = await httpRequest(t.server.port, `${offer.url}/0`, auth, 'PUT', Buffer.from('toolong'));
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { message: 'The file was announced with 4 bytes but 7 are being sent.' } });
    const refused = await httpRequest(t.server.port, `${offer.url}/1`, auth, 'PUT', Buffer.from('xy'));
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('../x') } });
    expect(received).toBe(1);
    expect((await httpRequest(t.server.port, `${offer.url}/9`, auth, 'PUT', Buffer.from('x'))).status).toBe(404);
  });

  it('still answers 405 to other methods and paths', async () => {
    t = await startTestServer();
    expect((await httpRequest(t.server.port, '/index.html', { Host: t.host, Authorization: `Bearer ${TEST_TOKEN}` }, 'PUT', Buffer.from('x'))).status).toBe(405);
    expect((await httpRequest(t.server.port, '/api/uploads/abc/0', { Host: t.host, Authorization: `Bearer ${TEST_TOKEN}` }, 'POST', Buffer.from('x'))).status).toBe(405);
  });
});
