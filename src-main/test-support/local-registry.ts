// A real registry for tests: Debian's docker-registry (distribution 2.x) on a random
// loopback port, with its own storage folder, optionally behind htpasswd auth. The
// engine treats 127.0.0.0/8 as insecure (plain HTTP) by default, so nothing needs configuring.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promises as fs, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { readJsonLines } from '../engine/connection/json-lines';
import { ensureBusyboxImage, fixtureClient, TEST_IMAGE, TEST_LABELS } from './engine-fixtures';
import { createTar } from './tar';

const run = promisify(execFile);

export interface LocalRegistry {
  /** "127.0.0.1:PORT": the registry part of image references. */
  host: string;
  port: number;
  dir: string;
  output: () => string;
  stop: () => Promise<void>;
}

export interface LocalRegistryOptions {
  /** Require this user and password (htpasswd, bcrypt). */
  auth?: { username: string; password: string };
  /** Binary; BERTH_REGISTRY_BIN overrides. */
  binary?: string;
  timeoutMs?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function statusOfV2(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/v2/', method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('error', () => resolve(null));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Starts a registry and waits until GET /v2/ answers (200, or 401 with auth). */
export async function startLocalRegistry(options: LocalRegistryOptions = {}): Promise<LocalRegistry> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-registry-'));
  const binary = options.binary ?? process.env.BERTH_REGISTRY_BIN ?? 'docker-registry';
  // Another process may take the port between the probe and the bind: try a few.
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const lines = [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
    ];
    if (options.auth) {
      const { stdout } = await run('htpasswd', ['-Bbn', options.auth.username, options.auth.password]);
      await fs.writeFile(path.join(dir, 'htpasswd'), stdout);
      lines.push('auth:', '  htpasswd:', '    realm: berth-test', `    path: ${path.join(dir, 'htpasswd')}`);
    }
    const config = path.join(dir, 'config.yml');
    await fs.writeFile(config, `${lines.join('\n')}\n`);
    const child: ChildProcess = spawn(binary, ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    // A test process that dies without its teardown must not leave the registry running.
    const killOnExit = () => {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', killOnExit);
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => {
        process.off('exit', killOnExit);
        resolve();
      }),
    );
    let spawnError: Error | null = null;
    child.once('error', (err) => (spawnError = err));
    const expected = options.auth ? 401 : 200;
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    let ready = false;
    while (Date.now() < deadline && child.exitCode === null && !spawnError) {
      if ((await statusOfV2(port)) === expected) {
        ready = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    };
    if (ready) return { host: `127.0.0.1:${port}`, port, dir, output: () => out, stop };
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    if (spawnError || attempt >= 2 || !/address already in use/.test(out)) {
      await fs.rm(dir, { recursive: true, force: true });
      throw new Error(`docker-registry did not start on 127.0.0.1:${port}: ${spawnError ?? out}`);
    }
  }
}

/**
 * Builds a labelled image FROM the shared busybox with one layer of random bytes, so a
 * pull after removing it has a layer to download (the busybox layers "already exist").
 */
export async function buildLayeredTestImage(tag: string, bytes = 1_500_000): Promise<string> {
  await ensureBusyboxImage();
  const context = createTar([
    { name: 'Dockerfile', content: `FROM ${TEST_IMAGE}\nCOPY payload /payload\n` },
    { name: 'payload', content: randomBytes(bytes) },
  ]);
  const stream = await fixtureClient().buildImage(Readable.from([context]), { t: tag, labels: { ...TEST_LABELS } });
  const output = await readJsonLines(stream);
  const failure = output.find((line): line is { error: string } => typeof (line as { error?: unknown }).error === 'string');
  if (failure) throw new Error(`Building ${tag} failed: ${failure.error}`);
  return tag;
}

/** Removes a test image tag (and the image when it was the last tag); gone already is fine. */
export async function removeTestImage(ref: string): Promise<void> {
  await fixtureClient()
    .request({ method: 'DELETE', path: `/images/${ref}`, query: { force: true }, action: 'remove', object: `image ${ref}` })
    .catch((err: { code?: string }) => {
      if (err.code !== 'not-found') throw err;
    });
}
