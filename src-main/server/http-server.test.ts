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

const authed = () => ({ Host: t.host, Cookie: t.cookie });

describe('authentication', () => {
  it('answers 401 without a token, pointing at the terminal', async () => {
    const res = await httpRequest(t.server.port, '/', { Host: t.host });
    expect(res.status).toBe(401);
    expect(res.body).toContain('terminal');
    expect(res.body).not.toContain(INDEX_HTML);
  });

  it('answers 401 to a wrong token in the query, the cookie or the bearer header', async () => {
    expect((await httpRequest(t.server.port, '/?token=wrong-token-123456789', { Host: t.host })).status).toBe(401);
    expect((await httpRequest(t.server.port, '/', { Host: t.host, Cookie: `berth_token_${t.server.port}=nope` })).status).toBe(401);
    const almost = TEST_TOKEN.slice(0, -1) + 'X';
    expect((await httpRequest(t.server.port, '/', { Host: t.host, Authorization: `Bearer ${almost}` })).status).toBe(401);
  });

  it('also guards static assets', async () => {
    expect((await httpRequest(t.server.port, '/assets/app-1234.js', { Host: t.host })).status).toBe(401);
  });

  it('trades the query token for an HttpOnly SameSite=Strict cookie and a redirect without it', async () => {
    const res = await httpRequest(t.server.port, `/?token=${TEST_TOKEN}`, { Host: t.host });
    expect([302, 303]).toContain(res.status);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`berth_token_${t.server.port}=${TEST_TOKEN}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('serves the page with the cookie, with CSP and no caching', async () => {
    const res = await httpRequest(t.server.port, '/', authed());
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('accepts a bearer token', async () => {
    const res = await httpRequest(t.server.port, '/assets/app-1234.js', {
      Host: t.host,
      Authorization: `Bearer ${TEST_TOKEN}`,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body).toBe('console.log(1);');
  });

  it('answers HEAD without a body', async () => {
    const res = await httpRequest(t.server.port, '/', authed(), 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(Number(res.headers['content-length'])).toBe(INDEX_HTML.length);
  });
});

describe('host check', () => {
  it.each(['evil.example:PORT', '127.0.0.1.evil.example', '127.0.0.1.evil.example:PORT', '127.0.0.1:1', 'localhost'])(
    'answers 403 to Host %s even with the right token',
    async (host) => {
      const res = await httpRequest(t.server.port, '/', { Host: host.replace('PORT', String(t.server.port)), Cookie: t.cookie });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain(INDEX_HTML);
    },
  );

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT', '[::1]:PORT'])('accepts Host %s', async (host) => {
    const res = await httpRequest(t.server.port, '/', { Host: host.replace('PORT', String(t.server.port)), Cookie: t.cookie });
    expect(res.status).toBe(200);
  });

  it('checks the host before trading a query token for a cookie', async () => {
    const res = await httpRequest(t.server.port, `/?token=${TEST_TOKEN}`, { Host: `evil.example:${t.server.port}` });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('methods and paths', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405', async (method) => {
    const res = await httpRequest(t.server.port, '/', authed(), method);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('answers 401 before 405 for a stranger', async () => {
    expect((await httpRequest(t.server.port, '/', { Host: t.host }, 'POST')).status).toBe(401);
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
    const res = await httpRequest(t.server.port, rawPath, authed());
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the static dir');
  });

  it('answers 404 for a missing file', async () => {
    expect((await httpRequest(t.server.port, '/nope.js', authed())).status).toBe(404);
  });

  it('sets the security headers on error pages too', async () => {
    const res = await httpRequest(t.server.port, '/', { Host: t.host });
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never logs the token', () => {
    expect(t.logs.join('\n')).not.toContain(TEST_TOKEN);
  });
});

describe('two servers on one host', () => {
  it('each has its own cookie, so signing in to one does not sign out of the other', async () => {
    const other = await startTestServer();
    try {
      const a = await httpRequest(t.server.port, `/?token=${TEST_TOKEN}`, { Host: t.host });
      const b = await httpRequest(other.server.port, `/?token=${TEST_TOKEN}`, { Host: other.host });
      const nameOf = (setCookie: unknown) => String(setCookie).split('=')[0];
      expect(nameOf(a.headers['set-cookie'])).not.toBe(nameOf(b.headers['set-cookie']));
      // Both cookies travel to both ports (browsers do not separate cookies by port): each server reads its own.
      const both = `${t.cookie}; ${other.cookie}`;
      expect((await httpRequest(t.server.port, '/', { Host: t.host, Cookie: both })).status).toBe(200);
      expect((await httpRequest(other.server.port, '/', { Host: other.host, Cookie: t.cookie })).status).toBe(401);
    } finally {
      await other.stop();
    }
  });
});
