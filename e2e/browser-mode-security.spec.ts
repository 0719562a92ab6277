import http from 'node:http';
import { test, expect } from '@playwright/test';
import WebSocket from 'ws';
import { startBerthServer, type BerthServer } from './support/berth-server';

// Real requests against the real server: each refusal happens before any engine call.
let server: BerthServer;
test.beforeAll(async () => {
  server = await startBerthServer();
});
test.afterAll(async () => {
  await server.stop();
});

function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function upgrade(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

const cookie = () => `berth_token_${server.port}=${server.token}`;
const host = () => `127.0.0.1:${server.port}`;

test('no token is refused with 401', async () => {
  expect((await get('/')).status).toBe(401);
});

test('a wrong token is refused with 401', async () => {
  expect((await get('/?token=wrong-token-wrong-token')).status).toBe(401);
  expect((await get('/', { Cookie: `berth_token_${server.port}=wrong-token-wrong-token` })).status).toBe(401);
});

test('the token in the URL becomes an HttpOnly SameSite=Strict cookie and leaves the address bar', async ({ page }) => {
  const res = await get(`/?token=${server.token}`);
  expect([302, 303]).toContain(res.status);
  expect(res.headers.location).not.toContain(server.token);
  const setCookie = String(res.headers['set-cookie']);
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Strict/i);

  await page.goto(server.loginUrl);
  expect(page.url()).not.toContain('token=');
  await expect(page.getByRole('region', { name: 'Engine status' })).toBeVisible();
});

test('a foreign Host header is refused with 403 (DNS rebinding)', async () => {
  expect((await get('/', { Cookie: cookie(), Host: `evil.example:${server.port}` })).status).toBe(403);
  expect((await get('/', { Cookie: cookie(), Host: `127.0.0.1.evil.example:${server.port}` })).status).toBe(403);
  expect((await get('/', { Cookie: cookie(), Host: host() })).status).toBe(200);
});

test('the WebSocket needs the token, a loopback Host and a same-origin Origin', async () => {
  const origin = `http://${host()}`;
  expect(await upgrade({ Origin: origin })).toBe(401);
  expect(await upgrade({ Cookie: cookie(), Origin: 'http://evil.example' })).toBe(403);
  expect(await upgrade({ Cookie: cookie() })).toBe(403);
  expect(await upgrade({ Cookie: cookie(), Origin: origin, Host: `evil.example:${server.port}` })).toBe(403);
  expect(await upgrade({ Cookie: cookie(), Origin: origin })).toBe(101);
});

test('the token never appears in the server output except the one URL line', async () => {
  const lines = server.output().split('\n').filter((l) => l.includes(server.token));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Berth is running at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
});
