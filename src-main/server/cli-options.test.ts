import { describe, expect, it } from 'vitest';
import { chooseToken, DEFAULT_HOST, DEFAULT_PORT, launchUrl, parseCliArgs } from './cli-options';

describe('parseCliArgs', () => {
  it('defaults to 127.0.0.1:7420', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { port: DEFAULT_PORT, host: DEFAULT_HOST } });
    expect(DEFAULT_PORT).toBe(7420);
  });

  it('reads --port N, --port=N and 0', () => {
    expect(parseCliArgs(['--port', '8080'])).toEqual({ kind: 'run', options: { port: 8080, host: '127.0.0.1' } });
    expect(parseCliArgs(['--port=0'])).toEqual({ kind: 'run', options: { port: 0, host: '127.0.0.1' } });
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--port'], ['--port=']])('refuses %s %s', (...argv) => {
    expect(parseCliArgs(argv)).toMatchObject({ kind: 'error' });
  });

  it.each(['127.0.0.1', '::1', 'localhost', 'LOCALHOST'])('accepts loopback host %s', (host) => {
    expect(parseCliArgs(['--host', host])).toMatchObject({ kind: 'run', options: { host: host.toLowerCase() } });
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.com', '127.0.0.2'])('refuses non-loopback host %s with a clear line', (host) => {
    const parsed = parseCliArgs([`--host=${host}`]);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(/^Refusing --host .*only listens on this machine/);
  });

  it('refuses unknown options and offers help', () => {
    expect(parseCliArgs(['--open'])).toMatchObject({ kind: 'error', message: expect.stringContaining('Usage') });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });
});

describe('chooseToken', () => {
  it('generates a fresh 32-byte base64url token per start when BERTH_TOKEN is unset', () => {
    const a = chooseToken({});
    const b = chooseToken({ BERTH_TOKEN: '' });
    expect(a).toMatchObject({ ok: true, fromEnv: false });
    if (!a.ok || !b.ok) throw new Error('expected tokens');
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
  });

  it('uses BERTH_TOKEN when it is long enough', () => {
    expect(chooseToken({ BERTH_TOKEN: 'abcdefghijklmnop' })).toEqual({ ok: true, token: 'abcdefghijklmnop', fromEnv: true });
  });

  it('refuses a short BERTH_TOKEN or one that cannot ride in a URL and a cookie', () => {
    expect(chooseToken({ BERTH_TOKEN: 'short' })).toMatchObject({ ok: false, message: expect.stringContaining('16') });
    expect(chooseToken({ BERTH_TOKEN: 'has; semicolon and spaces' })).toMatchObject({ ok: false });
  });
});

describe('launchUrl', () => {
  it('puts the token in the query and brackets IPv6', () => {
    expect(launchUrl('127.0.0.1', 7420, 'tok')).toBe('http://127.0.0.1:7420/?token=tok');
    expect(launchUrl('::1', 7420, 'tok')).toBe('http://[::1]:7420/?token=tok');
  });
});
