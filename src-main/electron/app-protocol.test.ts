import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveAppRequest } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

let root: string;
let rendererDir: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'berth-app-protocol-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berth</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-1a2b.js'), 'console.log(1)');
  writeFileSync(path.join(rendererDir, 'assets', 'index-1a2b.css'), 'body{}');
  writeFileSync(path.join(root, 'secret.txt'), 'outside');
  symlinkSync(path.join(root, 'secret.txt'), path.join(rendererDir, 'link.txt'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, rendererDir);

describe('app:// serves the built renderer and nothing else', () => {
  it('serves the page and its assets with their MIME types and the CSP on every response', async () => {
    const page = await get('app://berth/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Berth</title>');
    const js = await get('app://berth/assets/index-1a2b.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://berth/assets/index-1a2b.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const res of [page, js, await get('app://berth/nope.js')]) {
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it.each([
    'app://berth/../secret.txt',
    'app://berth/%2e%2e/secret.txt',
    'app://berth/assets/..%2f..%2fsecret.txt',
    'app://berth/..%5csecret.txt',
    'app://berth/%00index.html',
    'app://berth/link.txt',
    'app://berth/assets',
    'app://other/index.html',
    'app://berth//etc/passwd',
  ])('answers 404 for %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://berth/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://berth/index.html', 'POST')).status).toBe(405);
  });
});
