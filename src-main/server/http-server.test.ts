import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security-headers';
import { httpRequest, INDEX_HTML, startTestServer, TEST_TOKEN, type TestServer } from './testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const page = () => ({ Host: t.host });

describe('public over HTTP, secret only on the WebSocket', () => {
  it('serves the page and its assets without any secret, with CSP and no caching for the page', async () => {
    const res = await httpRequest(t.server.port, '/', page());
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    const asset = await httpRequest(t.server.port, '/assets/app-1234.js', page());
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.body).toBe('console.log(1);');
  });

  it('tells the browser to drop the cookie older Berths set, whose value was the token', async () => {
    const res = await httpRequest(t.server.port, '/', { ...page(), Cookie: t.legacyCookie });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^berth_token_${t.server.port}=;`));
    expect(cookie).toMatch(/Max-Age=0/);
    expect(cookie).not.toContain(TEST_TOKEN);
  });

  it('never puts the token in a header or body, whatever the request carries', async () => {
    const requests: [string, Record<string, string>][] = [
      ['/', {}],
      ['/index.html', {}],
      [`/?token=${TEST_TOKEN}`, {}],
      ['/welcome', {}],
      ['/welcome?refused', {}],
      ['/welcome.css', {}],
      ['/assets/app-1234.js', {}],
      ['/api/ws', {}],
      ['/api/calls/containers.list', { Authorization: `Bearer ${TEST_TOKEN}` }],
      ['/api/downloads/nope', {}],
      ['/nope', {}],
      ['/', { Cookie: t.legacyCookie }],
      ['/', { Origin: 'http://127.0.0.1:1' }],
    ];
    for (const [path, headers] of requests) {
      const res = await httpRequest(t.server.port, path, { ...page(), ...headers });
      expect(JSON.stringify(res.headers), path).not.toContain(TEST_TOKEN);
      expect(res.body, path).not.toContain(TEST_TOKEN);
      expect(res.headers['access-control-allow-origin'], path).toBeUndefined();
    }
  });

  it('offers no API over HTTP: /api/ paths other than one-time downloads are 404, bearer or old cookie alike', async () => {
    const variants: Record<string, string>[] = [{}, { Authorization: `Bearer ${TEST_TOKEN}` }, { Cookie: t.legacyCookie }];
    for (const headers of variants) {
      expect((await httpRequest(t.server.port, '/api/containers', { ...page(), ...headers })).status).toBe(404);
    }
  });

  it('answers HEAD without a body', async () => {
    const res = await httpRequest(t.server.port, '/', page(), 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(Number(res.headers['content-length'])).toBe(INDEX_HTML.length);
  });
});

describe('the "how to get in" page', () => {
  it('names the command that was run, the real port, and where the full address was printed', async () => {
    const res = await httpRequest(t.server.port, '/welcome', page());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<code>npm run serve -- --port 0</code>');
    expect(res.body).toContain(`http://127.0.0.1:${t.server.port}`);
    expect(res.body).not.toContain('7420');
    expect(res.body).toMatch(/printed in the terminal/);
    expect(res.body).toContain(`http://127.0.0.1:${t.server.port}/#token=…`);
    expect(res.body).not.toMatch(/<script/i);
  });

  it('says why when the page was sent there because its token was refused', async () => {
    expect((await httpRequest(t.server.port, '/welcome', page())).body).not.toMatch(/was refused/);
    expect((await httpRequest(t.server.port, '/welcome?refused', page())).body).toMatch(/was refused/);
  });

  it('has its stylesheet from this server (the CSP allows no inline style)', async () => {
    const res = await httpRequest(t.server.port, '/welcome.css', page());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
  });
});

describe('host check', () => {
  it.each(['evil.example:PORT', '127.0.0.1.evil.example', '127.0.0.1.evil.example:PORT', '127.0.0.1:1', 'localhost'])(
    'answers 403 to Host %s even with the right token',
    async (host) => {
      const res = await httpRequest(t.server.port, '/', { Host: host.replace('PORT', String(t.server.port)) });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain(INDEX_HTML);
    },
  );

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT', '[::1]:PORT'])('accepts Host %s', async (host) => {
    const res = await httpRequest(t.server.port, '/', { Host: host.replace('PORT', String(t.server.port)) });
    expect(res.status).toBe(200);
  });

  it('checks the host before anything else, the how-to page and downloads included', async () => {
    for (const path of ['/welcome', '/api/downloads/x', '/assets/app-1234.js']) {
      expect((await httpRequest(t.server.port, path, { Host: `evil.example:${t.server.port}` })).status).toBe(403);
    }
  });
});

describe('methods and paths', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405', async (method) => {
    const res = await httpRequest(t.server.port, '/', page(), method);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/assets/%E0%A4%A',
    '/escape.txt',
  ])('never leaves the static dir: %s', async (rawPath) => {
    const res = await httpRequest(t.server.port, rawPath, page());
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the static dir');
  });

  it('answers 404 for a missing file', async () => {
    expect((await httpRequest(t.server.port, '/nope.js', page())).status).toBe(404);
  });

  it('sets the security headers on error pages too', async () => {
    const res = await httpRequest(t.server.port, '/nope.js', { Host: t.host });
    expect(res.status).toBe(404);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never logs the token', () => {
    expect(t.logs.join('\n')).not.toContain(TEST_TOKEN);
  });
});
