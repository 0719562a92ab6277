import { describe, expect, it } from 'vitest';
import { chooseToken, DEFAULT_HOST, DEFAULT_PORT, launchCommand, launchUrl, parseCliArgs } from './cli-options';

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

  it('uses a BERTH_TOKEN that looks like 128 random bits or more', () => {
    const hex = 'f3a91c07be5d4e2890c6a1b7d35e8f02';
    expect(chooseToken({ BERTH_TOKEN: hex })).toEqual({ ok: true, token: hex, fromEnv: true });
    const b64 = 'Zq3v9-K_x1TgR0pLm8NwAe';
    expect(b64).toHaveLength(22);
    expect(chooseToken({ BERTH_TOKEN: b64 })).toMatchObject({ ok: true, token: b64 });
  });

  it.each([
    ['16 repeated characters', 'aaaaaaaaaaaaaaaa'],
    ['40 repeated characters', 'x'.repeat(40)],
    ['16 characters', 'abcdefghijklmnop'],
    ['21 random-looking characters', 'Zq3v9-K_x1TgR0pLm8NwA'],
    ['a run of the alphabet', 'abcdefghijklmnopqrstuvwxyz'],
    ['two characters alternating', 'ab'.repeat(20)],
    ['a few characters repeated', 'abc123'.repeat(5)],
  ])('refuses a BERTH_TOKEN of %s, saying how to make a good one', (_what, token) => {
    const choice = chooseToken({ BERTH_TOKEN: token });
    expect(choice.ok).toBe(false);
    expect(!choice.ok && choice.message).toContain('openssl rand -hex 32');
  });

  it('refuses a BERTH_TOKEN that cannot ride in a URL', () => {
    expect(chooseToken({ BERTH_TOKEN: 'has; semicolon and spaces and more' })).toMatchObject({ ok: false });
  });
});

describe('launchUrl', () => {
  it('puts the token in the fragment, which browsers never send to a server, and brackets IPv6', () => {
    expect(launchUrl('127.0.0.1', 7420, 'tok')).toBe('http://127.0.0.1:7420/#token=tok');
    expect(launchUrl('::1', 7420, 'tok')).toBe('http://[::1]:7420/#token=tok');
  });
});

describe('launchCommand', () => {
  it('names the npm script that ran, with its arguments', () => {
    expect(launchCommand({ npm_lifecycle_event: 'serve' }, ['--port', '8080'], 'dist/main/server.mjs')).toBe('npm run serve -- --port 8080');
    expect(launchCommand({ npm_lifecycle_event: 'serve' }, [], 'dist/main/server.mjs')).toBe('npm run serve');
    expect(launchCommand({ npm_lifecycle_event: 'start' }, ['--port=0'], 'x')).toBe('npm start -- --port=0');
  });

  it('names node and the script when no npm script ran it, quoting what a shell would split', () => {
    expect(launchCommand({}, ['--port', '0'], 'dist/main/server.mjs')).toBe('node dist/main/server.mjs --port 0');
    expect(launchCommand({ npm_lifecycle_event: 'test' }, [], 'my dir/server.mjs')).toBe("node 'my dir/server.mjs'");
  });
});
