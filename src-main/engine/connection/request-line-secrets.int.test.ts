import { mkdtempSync, rmSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRunForm } from '../../../src-common/run-spec';
import { createTestContainer, ensureBusyboxImage, removeTestContainer, removeTestObjects, TEST_IMAGE, TEST_LABELS, closeFixtureClient, fixtureClient } from '../../test-support/engine-fixtures';
import { buildLayeredTestImage, removeTestImage, startLocalRegistry, type LocalRegistry } from '../../test-support/local-registry';
import { startUnixSocketProxy, type UnixSocketProxy } from '../../test-support/unix-socket-proxy';
import { createRunService } from '../build-run/run-service';
import { runInContainer } from '../exec/exec-session';
import { createCredentialsService } from '../registry/credentials-service';
import { startTransfer } from '../registry/registry-transfer';
import { createDockerClient, type DockerClient } from './docker-client';
import { resolveEndpoint } from './endpoint';

// dockerd's debug log prints every request line. Through a recording proxy in front of
// the real engine, Berth logs in, pulls with credentials, execs and runs, each carrying a
// secret; no request line may contain it.

const USER = 'berth-user';
const PASSWORD = `pw-${randomBytes(8).toString('hex')}`;
const EXEC_SECRET = `exec-${randomBytes(8).toString('hex')}`;
const RUN_SECRET = `run-${randomBytes(8).toString('hex')}`;

let dir: string;
let proxy: UnixSocketProxy;
let client: DockerClient;
let registry: LocalRegistry;
const containers: string[] = [];
const images: string[] = [];

beforeAll(async () => {
  await ensureBusyboxImage();
  dir = mkdtempSync(path.join(tmpdir(), 'berth-secrets-'));
  proxy = await startUnixSocketProxy(path.join(dir, 'engine.sock'));
  client = createDockerClient(resolveEndpoint({ env: { DOCKER_HOST: `unix://${proxy.path}` }, homeDir: dir }));
  registry = await startLocalRegistry({ auth: { username: USER, password: PASSWORD } });
});

afterAll(async () => {
  for (const id of containers) await removeTestContainer(id);
  await removeTestObjects();
  for (const ref of images) await removeTestImage(ref);
  client?.close();
  await proxy?.close();
  await registry?.stop();
  closeFixtureClient();
  rmSync(dir, { recursive: true, force: true });
});

const linesWith = (secret: string) => proxy.requestLines.filter((l) => l.includes(secret));

describe('no secret and no command in a request line', () => {
  it('log in and pull with credentials: the password travels in the body or a header only', async () => {
    const configDir = path.join(dir, 'docker-config');
    await fs.mkdir(configDir, { recursive: true });
    const credentials = createCredentialsService({
      configDir,
      dataDir: path.join(dir, 'data'),
      env: { ...process.env, PATH: '/nonexistent' },
      mode: 'browser',
      requireClient: () => client,
    });
    const before = proxy.requestLines.length;
    const result = await credentials.login({ server: registry.host, username: USER, password: PASSWORD });
    expect(result).toMatchObject({ ok: true });
    expect(proxy.requestLines.slice(before)).toContain('POST /auth HTTP/1.1');

    const ref = `${registry.host}/berth-test/secret-app:1`;
    images.push(ref);
    await buildLayeredTestImage(ref, 10_000);
    await fixtureClient().request({ method: 'POST', path: `/images/${ref}/push`, registryAuth: { username: USER, password: PASSWORD, serveraddress: registry.host }, response: 'stream', action: 'push' }).then(
      (s) => new Promise((done) => ((s as NodeJS.ReadableStream).on('end', done), (s as NodeJS.ReadableStream).resume())),
    );
    await removeTestImage(ref);
    const finished = await new Promise<{ failure: unknown }>((resolve) =>
      startTransfer('pull', ref, { requireClient: () => client, authFor: credentials.authFor }, (s) => s.finished && resolve(s)),
    );
    expect(finished.failure).toBeNull();
    expect(proxy.requestLines.filter((l) => l.startsWith('POST /images/create?'))).toHaveLength(1);
    expect(linesWith(PASSWORD)).toEqual([]);
    expect(linesWith(USER)).toEqual([]);
  });

  it('exec: the command travels in the body only', async () => {
    const c = await createTestContainer({ start: true });
    containers.push(c.id);
    const code = await runInContainer(client, c.id, ['sh', '-c', `echo ${EXEC_SECRET} >/dev/null`]);
    expect(code).toBe(0);
    expect(proxy.requestLines.some((l) => l.startsWith(`POST /containers/${c.id}/exec `))).toBe(true);
    expect(linesWith(EXEC_SECRET)).toEqual([]);
  });

  it('run: the command and the environment travel in the body only', async () => {
    const run = createRunService(() => client);
    const name = `berth-test-secret-${randomBytes(3).toString('hex')}`;
    const outcome = await run.start({
      ...emptyRunForm(TEST_IMAGE),
      name,
      command: `sh -c 'echo ${RUN_SECRET}'`,
      env: `TOKEN=${RUN_SECRET}`,
      labels: Object.entries(TEST_LABELS).map(([k, v]) => `${k}=${v}`).join('\n'),
    });
    expect(outcome).toMatchObject({ outcome: 'started' });
    if (outcome.outcome === 'started') containers.push(outcome.id);
    expect(proxy.requestLines.some((l) => l.startsWith('POST /containers/create'))).toBe(true);
    expect(linesWith(RUN_SECRET)).toEqual([]);
  });
});
