import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSession, FakeWebContents, fakeEvent, resetFakeElectron, state } from './test-support/fake-electron';
import { CONTENT_SECURITY_POLICY, applySessionPolicy, installAppGuards } from './security';
import { isAppPageUrl } from './app-url';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

const root = path.resolve(__dirname, '..', '..');
const rendererIndex = path.join(root, 'dist', 'renderer', 'index.html');
const appUrl = 'app://berth/index.html';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );

beforeEach(() => resetFakeElectron());

describe('applySessionPolicy', () => {
  const applied = () => {
    const session = new FakeSession();
    applySessionPolicy(session as unknown as Session);
    return session;
  };

  it('adds the CSP header to every response, keeping the response own headers', () => {
    const session = applied();
    const answer = vi.fn();
    session.headersListener!({ url: 'https://example.com/', responseHeaders: { 'X-Other': ['1'] } }, answer);

    expect(answer).toHaveBeenCalledTimes(1);
    const headers = answer.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['X-Other']).toEqual(['1']);
    const policy = directives(headers['Content-Security-Policy']![0]!);
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
  });

  it('never allows inline or evaluated scripts', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    for (const name of ['script-src', 'default-src']) {
      expect(policy.get(name)).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
  });

  it('is the same policy as the meta tag of src-renderer/index.html', () => {
    const html = readFileSync(path.join(root, 'src-renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(directives(meta![1]!));
  });

  it('refuses every permission request and check', () => {
    const session = applied();
    const grant = vi.fn();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      session.permissionRequestHandler!(new FakeWebContents(), permission, grant, {});
      expect(session.permissionCheckHandler!(new FakeWebContents(), permission, 'file://', {})).toBe(false);
    }
    expect(grant).toHaveBeenCalledTimes(5);
    expect(grant.mock.calls.every(([granted]) => granted === false)).toBe(true);
  });
});

describe('guards on every webContents', () => {
  const guarded = () => {
    installAppGuards(state.app as unknown as App);
    const contents = new FakeWebContents();
    state.app.emit('web-contents-created', fakeEvent(), contents);
    return contents;
  };
  const navigate = (contents: FakeWebContents, eventName: string, url: string) => {
    const event = fakeEvent({ url });
    contents.emit(eventName, event, url);
    return event.defaultPrevented;
  };

  it('prevents navigation and redirects away from the app page, and allows the app page itself', () => {
    const contents = guarded();
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', pathToFileURL(path.join(root, 'dist', 'renderer', 'other.html')).href)).toBe(true);
    // The built page from disk is not the app any more: only app://berth/index.html is.
    expect(navigate(contents, 'will-navigate', pathToFileURL(rendererIndex).href)).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://berth/assets/other.html')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://elsewhere/index.html')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-frame-navigate', 'https://evil.example/')).toBe(true);

    expect(navigate(contents, 'will-navigate', appUrl)).toBe(false);
    expect(navigate(contents, 'will-navigate', `${appUrl}#/containers`)).toBe(false);
  });

  it('denies every new window, handing only http and https links to the browser', () => {
    const contents = guarded();
    const open = (url: string) => contents.windowOpenHandler!({ url });

    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(open('http://localhost:8080/')).toEqual({ action: 'deny' });
    expect(state.openedExternally).toEqual(['https://example.com', 'http://localhost:8080/']);

    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('smb://host/share')).toEqual({ action: 'deny' });
    expect(open('not a url')).toEqual({ action: 'deny' });
    expect(state.openedExternally).toHaveLength(2);
  });

  it('refuses to attach webviews', () => {
    const contents = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('isAppPageUrl', () => {
  it('accepts app://berth/index.html with any query or hash and nothing else', () => {
    expect(isAppPageUrl(appUrl)).toBe(true);
    expect(isAppPageUrl(`${appUrl}?x=1#/images`)).toBe(true);
    expect(isAppPageUrl('app://berth/index.htm')).toBe(false);
    expect(isAppPageUrl('app://berth/')).toBe(false);
    expect(isAppPageUrl('app://evil/index.html')).toBe(false);
    expect(isAppPageUrl('app://user:pw@berth/index.html')).toBe(false);
    expect(isAppPageUrl(pathToFileURL(rendererIndex).href)).toBe(false);
    expect(isAppPageUrl('https://berth/index.html')).toBe(false);
    expect(isAppPageUrl('about:blank')).toBe(false);
    expect(isAppPageUrl('')).toBe(false);
  });
});
