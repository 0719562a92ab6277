import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest, startTestServer, type TestServer } from './testing/harness';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

/** Offers a two-line text file and counts how often the "engine" stream is opened. */
function offerLog(server: TestServer) {
  const counter = { opened: 0 };
  const offer = server.downloads.offer({
    filename: 'web-1 log ü.txt',
    contentType: 'text/plain; charset=utf-8',
    open: async () => {
      counter.opened += 1;
      return Readable.from(['line 1\n', 'line 2\n']);
    },
  });
  if (offer.kind !== 'url') throw new Error('expected a URL offer');
  return { url: offer.url, counter };
}

describe('downloads in browser mode', () => {
  it('streams a registered download once, as an attachment; the unguessable id is the only key', async () => {
    t = await startTestServer();
    const { url, counter } = offerLog(t);

    const res = await httpRequest(t.server.port, url, { Host: t.host });
    expect(res.status).toBe(200);
    expect(res.body).toBe('line 1\nline 2\n');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''web-1%20log%20%C3%BC.txt");
    expect(res.headers['cache-control']).toBe('no-store');

    expect((await httpRequest(t.server.port, url, { Host: t.host })).status).toBe(404);
    expect(counter.opened).toBe(1);
    expect(url).toMatch(/^\/api\/downloads\/[A-Za-z0-9_-]{24}$/);
  });

  it('answers HEAD with the headers, without asking the engine and without using the download up', async () => {
    t = await startTestServer();
    const { url, counter } = offerLog(t);

    const head = await httpRequest(t.server.port, url, { Host: t.host }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(String(head.headers['content-disposition'])).toContain('attachment');
    expect(counter.opened).toBe(0);

    const get = await httpRequest(t.server.port, url, { Host: t.host });
    expect(get.status).toBe(200);
    expect(get.body).toBe('line 1\nline 2\n');
    expect(counter.opened).toBe(1);
    expect((await httpRequest(t.server.port, url, { Host: t.host }, 'HEAD')).status).toBe(404);
  });

  it('refuses a page of another origin (another port of this machine is the same site), and keeps the download', async () => {
    t = await startTestServer();
    const { url, counter } = offerLog(t);
    for (const site of ['same-site', 'cross-site']) {
      expect((await httpRequest(t.server.port, url, { Host: t.host, 'Sec-Fetch-Site': site })).status).toBe(403);
    }
    expect(counter.opened).toBe(0);
    expect((await httpRequest(t.server.port, url, { Host: t.host, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('answers 404 for an unknown id without opening anything', async () => {
    t = await startTestServer();
    expect((await httpRequest(t.server.port, '/api/downloads/nope', { Host: t.host })).status).toBe(404);
  });
});
