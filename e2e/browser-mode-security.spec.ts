import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import WebSocket from 'ws';
import { startBerthServer, type BerthServer } from './support/berth-server';

// The real server and Chromium: what a browser keeps, sends and shows.
let server: BerthServer;
test.beforeAll(async () => {
  server = await startBerthServer();
});
test.afterAll(async () => {
  await server.stop();
});

/** Another web server on this machine (any other program), recording the requests it gets. */
async function otherLocalServer() {
  const seen: http.IncomingHttpHeaders[] = [];
  const other = http.createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader('Content-Type', 'text/html');
    res.end('<!doctype html><title>another local app</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(other.address() as AddressInfo).port}/`,
    seen,
    close: () => new Promise<void>((resolve) => other.close(() => resolve())),
  };
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

test('the printed address opens the app, and the token leaves the address bar for this tab alone', async ({ page, context }) => {
  await page.goto(server.loginUrl);
  await expect(page.getByRole('region', { name: 'Engine status' })).toBeVisible();
  expect(page.url()).toBe(`${server.origin}/`);
  // Written once the first screen is up (launch-token.ts), so waited for.
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('berth.token'))).toBe(server.token);
  // Nothing the browser would hand to another server on this host.
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');

  await page.reload();
  await expect(page.getByRole('region', { name: 'Engine status' })).toBeVisible();
  await expect(page.getByText('Connected', { exact: true })).toBeVisible();
});

test('a reload before the first screen is up keeps the token (written as the page leaves)', async ({ page }) => {
  // The app's first socket goes nowhere: no list arrives, so the token is not written early.
  let hold = true;
  await page.routeWebSocket(/\/api\/ws$/, (ws) => {
    if (!hold) ws.connectToServer();
  });
  await page.goto(server.loginUrl);
  await expect(page.getByRole('region', { name: 'Engine status' })).toBeVisible();
  expect(page.url()).toBe(`${server.origin}/`);
  expect(await page.evaluate(() => sessionStorage.getItem('berth.token'))).toBeNull();

  hold = false;
  await page.reload();
  await expect(page.getByText('Connected', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('berth.token'))).toBe(server.token);
});

test('a page of another local web server gets no token from the browser', async ({ page }) => {
  const other = await otherLocalServer();
  try {
    await page.goto(server.loginUrl);
    await expect(page.getByRole('region', { name: 'Engine status' })).toBeVisible();
    await page.goto(other.url);
    await expect(page.getByText('hello')).toBeVisible();
    expect(other.seen.length).toBeGreaterThan(0);
    for (const headers of other.seen) expect(JSON.stringify(headers)).not.toContain(server.token);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  } finally {
    await other.close();
  }
});

test('a tab opened without the token lands on a page naming the real command and port', async ({ page }) => {
  await page.goto(server.origin);
  await expect(page).toHaveURL(`${server.origin}/welcome`);
  await expect(page.getByRole('heading', { name: 'Berth needs the address with its access token' })).toBeVisible();
  const text = await page.locator('main').innerText();
  expect(text).toContain(`--port 0`);
  expect(text).toContain(server.origin);
  expect(text).toContain('printed in the terminal');
  expect(text).not.toContain('7420');
  expect(text).not.toContain(server.token);
});

test('a refused token sends the tab to that page, saying it was refused', async ({ page }) => {
  await page.goto(`${server.origin}/#token=not-the-token-0123456789abcdef`);
  await expect(page).toHaveURL(`${server.origin}/welcome?refused`);
  await expect(page.getByText(/token was refused/)).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('berth.token'))).toBeNull();
});

test('the WebSocket upgrade needs a loopback Host and a same-origin Origin; the old cookie is worth nothing', async () => {
  const origin = `http://127.0.0.1:${server.port}`;
  expect(await upgrade({ Origin: 'http://evil.example' })).toBe(403);
  expect(await upgrade({ Origin: 'http://127.0.0.1:1' })).toBe(403);
  expect(await upgrade({})).toBe(403);
  expect(await upgrade({ Origin: origin, Host: `evil.example:${server.port}` })).toBe(403);

  // Upgraded, but with only the cookie older Berths set, the first call is refused and the socket closed.
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws`, {
    headers: { Origin: origin, Cookie: `berth_token_${server.port}=${server.token}` },
  });
  const said: string[] = [];
  ws.on('message', (d: Buffer) => said.push(d.toString()));
  const code = await new Promise<number>((resolve) => {
    ws.on('open', () => ws.send(JSON.stringify({ t: 'call', id: 1, method: 'containers.list', args: {} })));
    ws.on('close', (c) => resolve(c));
  });
  expect(code).toBe(4401);
  expect(said.map((m) => (JSON.parse(m) as { t: string }).t)).toEqual(['refused']);
});

test('the token never appears in the server output except the one URL line', async () => {
  const lines = server.output().split('\n').filter((l) => l.includes(server.token));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Berth is running at http:\/\/127\.0\.0\.1:\d+\/#token=/);
});
