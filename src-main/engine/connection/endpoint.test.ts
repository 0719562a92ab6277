import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EndpointError, resolveEndpoint, type EndpointFs } from './endpoint';

let home: string;
const noSockets: EndpointFs = {
  exists: () => false,
  read: () => null,
};

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'berth-endpoint-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function writeContext(configDir: string, name: string, meta: unknown, tls?: Record<string, string>): string {
  const hash = createHash('sha256').update(name).digest('hex');
  const metaDir = join(configDir, 'contexts', 'meta', hash);
  mkdirSync(metaDir, { recursive: true });
  writeFileSync(join(metaDir, 'meta.json'), JSON.stringify(meta));
  if (tls) {
    const tlsDir = join(configDir, 'contexts', 'tls', hash, 'docker');
    mkdirSync(tlsDir, { recursive: true });
    for (const [file, content] of Object.entries(tls)) writeFileSync(join(tlsDir, file), content);
  }
  return hash;
}

const resolve = (env: NodeJS.ProcessEnv, platform: NodeJS.Platform = 'linux') =>
  resolveEndpoint({ env, platform, homeDir: home });

describe('DOCKER_HOST', () => {
  it('takes a unix socket path', () => {
    const r = resolve({ DOCKER_HOST: 'unix:///tmp/x.sock' });
    expect(r.endpoint).toEqual({
      kind: 'unix',
      address: '/tmp/x.sock',
      source: 'DOCKER_HOST',
      tls: false,
      display: 'unix:///tmp/x.sock',
    });
    expect(r.dial).toEqual({ kind: 'socket', socketPath: '/tmp/x.sock' });
  });

  it('takes a named pipe', () => {
    const r = resolve({ DOCKER_HOST: 'npipe:////./pipe/podman' }, 'win32');
    expect(r.endpoint.kind).toBe('npipe');
    expect(r.dial).toEqual({ kind: 'socket', socketPath: '//./pipe/podman' });
  });

  it('takes plain tcp, with 2375 as the default port and a bare host:port meaning tcp', () => {
    expect(resolve({ DOCKER_HOST: 'tcp://10.0.0.5' }).dial).toEqual({
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2375,
      protocol: 'http',
      rejectUnauthorized: true,
    });
    const bare = resolve({ DOCKER_HOST: 'myhost:1234' });
    expect(bare.endpoint.display).toBe('tcp://myhost:1234');
  });

  it('uses TLS with the certs in DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is set', () => {
    const certs = join(home, 'certs');
    mkdirSync(certs);
    writeFileSync(join(certs, 'ca.pem'), 'CA');
    writeFileSync(join(certs, 'cert.pem'), 'CERT');
    writeFileSync(join(certs, 'key.pem'), 'KEY');
    const r = resolve({ DOCKER_HOST: 'tcp://engine.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs });
    expect(r.endpoint.tls).toBe(true);
    expect(r.dial.kind).toBe('tcp');
    if (r.dial.kind !== 'tcp') return;
    expect(r.dial.protocol).toBe('https');
    expect(r.dial.rejectUnauthorized).toBe(true);
    expect(r.dial.ca?.toString()).toBe('CA');
    expect(r.dial.cert?.toString()).toBe('CERT');
    expect(r.dial.key?.toString()).toBe('KEY');
  });

  it('defaults the cert path to the docker config dir and the TLS port to 2376', () => {
    const dockerDir = join(home, '.docker');
    mkdirSync(dockerDir);
    writeFileSync(join(dockerDir, 'ca.pem'), 'HOME-CA');
    const r = resolve({ DOCKER_HOST: 'tcp://engine.example', DOCKER_TLS_VERIFY: '1' });
    expect(r.endpoint.address).toBe('engine.example:2376');
    expect(r.dial.kind === 'tcp' && r.dial.ca?.toString()).toBe('HOME-CA');
  });

  it('refuses TLS verification without a CA', () => {
    expect(() => resolve({ DOCKER_HOST: 'tcp://engine.example', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: home })).toThrow(
      /no ca\.pem/,
    );
  });

  it('takes ssh with user and port', () => {
    const r = resolve({ DOCKER_HOST: 'ssh://me@build-box:2222', SSH_AUTH_SOCK: '/tmp/agent' });
    expect(r.endpoint).toMatchObject({ kind: 'ssh', address: 'me@build-box:2222', display: 'ssh://me@build-box:2222' });
    expect(r.dial).toEqual({ kind: 'ssh', host: 'build-box', port: 2222, username: 'me', sshAgent: '/tmp/agent' });
  });

  it('wins over DOCKER_CONTEXT', () => {
    expect(resolve({ DOCKER_HOST: 'unix:///a.sock', DOCKER_CONTEXT: 'remote' }).endpoint.address).toBe('/a.sock');
  });

  it.each(['http://x:1', 'unix://relative.sock', 'tcp://', 'tcp://host:notaport', 'ssh://'])(
    'names the problem in an invalid value: %s',
    (value) => {
      expect(() => resolve({ DOCKER_HOST: value })).toThrow(EndpointError);
      expect(() => resolve({ DOCKER_HOST: value })).toThrow(/DOCKER_HOST .* is not a valid engine address/);
    },
  );
});

describe('docker contexts', () => {
  it('follows currentContext in config.json to its meta.json', () => {
    const dir = join(home, '.docker');
    mkdirSync(dir);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ currentContext: 'colima' }));
    writeContext(dir, 'colima', { Name: 'colima', Endpoints: { docker: { Host: 'unix:///home/u/.colima/docker.sock' } } });
    const r = resolve({});
    expect(r.endpoint).toEqual({
      kind: 'unix',
      address: '/home/u/.colima/docker.sock',
      source: 'docker context "colima"',
      tls: false,
      display: 'unix:///home/u/.colima/docker.sock',
    });
  });

  it('prefers DOCKER_CONTEXT and honours DOCKER_CONFIG', () => {
    const dir = join(home, 'elsewhere');
    mkdirSync(dir);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ currentContext: 'other' }));
    writeContext(dir, 'remote', { Endpoints: { docker: { Host: 'tcp://remote:2375' } } });
    const r = resolve({ DOCKER_CONFIG: dir, DOCKER_CONTEXT: 'remote' });
    expect(r.endpoint.display).toBe('tcp://remote:2375');
  });

  it('reads TLS material from contexts/tls/<hash>/docker and SkipTLSVerify', () => {
    const dir = join(home, '.docker');
    writeContext(
      dir,
      'secure',
      { Endpoints: { docker: { Host: 'tcp://secure:2376', SkipTLSVerify: true } } },
      { 'ca.pem': 'CTX-CA', 'cert.pem': 'CTX-CERT', 'key.pem': 'CTX-KEY' },
    );
    const r = resolve({ DOCKER_CONTEXT: 'secure' });
    expect(r.endpoint.tls).toBe(true);
    expect(r.dial).toMatchObject({ kind: 'tcp', protocol: 'https', rejectUnauthorized: false, port: 2376 });
    expect(r.dial.kind === 'tcp' && r.dial.cert?.toString()).toBe('CTX-CERT');
  });

  it('treats "default" as no context', () => {
    const r = resolveEndpoint({ env: { DOCKER_CONTEXT: 'default' }, platform: 'linux', homeDir: home, fs: noSockets });
    expect(r.endpoint.source).toBe('platform default');
  });

  it('says which context is missing', () => {
    expect(() => resolve({ DOCKER_CONTEXT: 'gone' })).toThrow(/docker context "gone" does not exist/);
  });
});

describe('platform default', () => {
  const withSockets = (present: string[]): EndpointFs => ({ exists: (p) => present.includes(p), read: () => null });
  const resolveWith = (present: string[], env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux') =>
    resolveEndpoint({ env, platform, homeDir: home, fs: withSockets(present) }).endpoint.address;

  it('uses /var/run/docker.sock when it exists', () => {
    expect(resolveWith(['/var/run/docker.sock', '/run/user/1000/podman/podman.sock'], { XDG_RUNTIME_DIR: '/run/user/1000' })).toBe(
      '/var/run/docker.sock',
    );
  });

  it("falls back to Podman's user socket, then the system one", () => {
    expect(resolveWith(['/run/user/1000/podman/podman.sock', '/run/podman/podman.sock'], { XDG_RUNTIME_DIR: '/run/user/1000' })).toBe(
      '/run/user/1000/podman/podman.sock',
    );
    expect(resolveWith(['/run/podman/podman.sock'], { XDG_RUNTIME_DIR: '/run/user/1000' })).toBe('/run/podman/podman.sock');
  });

  it("names Docker's socket when nothing is there", () => {
    expect(resolveWith([])).toBe('/var/run/docker.sock');
  });

  it('uses the docker_engine pipe on Windows', () => {
    expect(resolveWith([], {}, 'win32')).toBe('//./pipe/docker_engine');
  });
});
