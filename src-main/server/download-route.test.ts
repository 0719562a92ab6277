import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest, startTestServer, type TestServer } from './testing/harness';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('downloads in browser mode', () => {
  it('streams a registered download once, behind the token, as an attachment', async () => {
    t = await startTestServer();
    let opened = 0;
    const offer = t.downloads.offer({
      filename: 'web-1 log ü.txt',
      contentType: 'text/plain; charset=utf-8',
      open: async () => {
        opened += 1;
        return Readable.from(['line 1\n', 'line 2\n']);
      },
    });
    if (offer.kind !== 'url') throw new Error('expected a URL offer');

    expect((await httpRequest(t.server.port, offer.url, { Host: t.host })).status).toBe(401);
    expect(opened).toBe(0);

    const res = await httpRequest(t.server.port, offer.url, { Host: t.host, Cookie: t.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toBe('line 1\nline 2\n');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''web-1%20log%20%C3%BC.txt");

    expect((await httpRequest(t.server.port, offer.url, { Host: t.host, Cookie: t.cookie })).status).toBe(404);
    expect(opened).toBe(1);
  });

  it('answers 404 for an unknown id without opening anything', async () => {
    t = await startTestServer();
    expect((await httpRequest(t.server.port, '/api/downloads/nope', { Host: t.host, Cookie: t.cookie })).status).toBe(404);
  });
});
