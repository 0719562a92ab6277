import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildChunk, BuildRequest } from '../../../src-common/models/build-run';
import {
  closeFixtureClient,
  ensureBusyboxImage,
  fixtureClient,
  removeTestObjects,
  TEST_IMAGE,
  TEST_LABELS,
  uniqueName,
  waitFor,
} from '../../test-support/engine-fixtures';
import { startBuild } from './build-service';

const dirs: string[] = [];
const tags: string[] = [];

async function contextWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-build-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

function request(contextPath: string, tag: string, extra: Partial<BuildRequest> = {}): BuildRequest {
  tags.push(tag);
  return { contextPath, dockerfile: '', tag, buildArgs: {}, target: '', noCache: false, labels: { ...TEST_LABELS }, ...extra };
}

async function build(req: BuildRequest): Promise<BuildChunk[]> {
  const chunks: BuildChunk[] = [];
  await startBuild(fixtureClient, req, (c) => void chunks.push(c)).finished;
  return chunks;
}

const tag = () => `berth-test/built:${randomBytes(4).toString('hex')}`;

async function imageExists(ref: string): Promise<boolean> {
  return fixtureClient().imageExists(ref);
}

/** Runs a one-off container and returns its output (the witness for what an image contains). */
async function runOnce(image: string, cmd: string[]): Promise<string> {
  const client = fixtureClient();
  const { Id } = await client.request<{ Id: string }>({
    method: 'POST',
    path: '/containers/create',
    query: { name: uniqueName('ls') },
    body: { Image: image, Cmd: cmd, Labels: { ...TEST_LABELS } },
    action: 'create',
  });
  await client.request({ method: 'POST', path: `/containers/${Id}/start`, action: 'start' });
  await client.request({ method: 'POST', path: `/containers/${Id}/wait`, action: 'wait for' });
  const logs = await client.request<IncomingMessage>({
    method: 'GET',
    path: `/containers/${Id}/logs`,
    query: { stdout: true, stderr: true },
    response: 'stream',
    action: 'read logs of',
  });
  let text = '';
  for await (const chunk of logs) text += (chunk as Buffer).subarray(8).toString('utf8'); // one small frame per line
  return text;
}

describe('build against the real engine', () => {
  beforeAll(async () => {
    await ensureBusyboxImage();
  });
  afterAll(async () => {
    await removeTestObjects();
    for (const t of tags) {
      await fixtureClient()
        .request({ method: 'DELETE', path: `/images/${t}`, query: { force: true }, action: 'remove', object: `image ${t}` })
        .catch(() => {});
    }
    for (const d of dirs) await rm(d, { recursive: true, force: true });
    closeFixtureClient();
  });

  it('builds a multi-layer image, streaming every step, honouring .dockerignore', async () => {
    const dir = await contextWith({
      Dockerfile: [
        `FROM ${TEST_IMAGE}`,
        'ENV GREETING=hello',
        'RUN mkdir -p /app && echo built > /app/built.txt',
        'COPY . /app/',
        'ARG FLAVOUR=plain',
        'RUN echo "$FLAVOUR" > /app/flavour.txt',
        '',
      ].join('\n'),
      '.dockerignore': '# keep secrets out\nsecret.txt\n*.log\n',
      'app.txt': 'application',
      'secret.txt': 'do not ship',
      'debug.log': 'noise',
    });
    const t = tag();
    const chunks = await build(request(dir, t, { buildArgs: { FLAVOUR: 'spicy' } }));

    // Every output batch carries the current step; the engine appends one LABEL step per label asked for.
    const steps = [...new Map(chunks.flatMap((c) => (c.kind === 'output' && c.step ? [[c.step.index, c.step]] as const : []))).values()];
    const labelCount = Object.keys(TEST_LABELS).length;
    expect(steps.map((s) => s.index)).toEqual(Array.from({ length: 6 + labelCount }, (_, i) => i + 1));
    expect(steps.every((s) => s.total === 6 + labelCount)).toBe(true);
    expect(steps[2]!.instruction).toBe('RUN mkdir -p /app && echo built > /app/built.txt');
    expect(steps.at(-1)!.instruction).toMatch(/^LABEL /);
    expect(chunks[0]).toMatchObject({ kind: 'sent', files: 3 }); // .dockerignore, Dockerfile, app.txt
    const done = chunks.at(-1);
    expect(done?.kind).toBe('done');
    const inspect = await fixtureClient().request<{ Id: string; Config: { Labels: Record<string, string> } }>({
      method: 'GET',
      path: `/images/${t}/json`,
      action: 'inspect',
    });
    expect(done?.kind === 'done' && done.imageId).toBe(inspect.Id);
    // Only the labels asked for: Berth adds none of its own.
    expect(inspect.Config.Labels).toEqual({ ...TEST_LABELS });

    const listing = await runOnce(t, ['sh', '-c', 'ls -a /app; cat /app/flavour.txt']);
    expect(listing).toContain('app.txt');
    expect(listing).toContain('built.txt');
    expect(listing).toContain('spicy');
    expect(listing).not.toContain('secret.txt');
    expect(listing).not.toContain('debug.log');
  });

  it('a failing RUN reports its step and the engine error', async () => {
    const dir = await contextWith({ Dockerfile: `FROM ${TEST_IMAGE}\nRUN echo about-to-fail && exit 3\n` });
    const t = tag();
    const chunks = await build(request(dir, t));
    const failed = chunks.at(-1);
    expect(failed).toMatchObject({ kind: 'failed', step: { index: 2, instruction: 'RUN echo about-to-fail && exit 3' } });
    expect(failed?.kind === 'failed' && failed.message).toMatch(/returned a non-zero code: 3/);
    expect(chunks.some((c) => c.kind === 'output' && c.lines.includes('about-to-fail'))).toBe(true);
    expect(await imageExists(t)).toBe(false);
  });

  it('a bad context is refused before any engine call', async () => {
    const err = await startBuild(fixtureClient, request('/no/such/folder/berth', tag()), () => {}).finished.catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not-found', message: expect.stringMatching(/There is no folder at \/no\/such/) });
    const dir = await contextWith({ 'README.md': 'no dockerfile here' });
    const err2 = await startBuild(fixtureClient, request(dir, tag()), () => {}).finished.catch((e: unknown) => e);
    expect(err2).toMatchObject({ code: 'not-found', message: expect.stringMatching(/There is no Dockerfile in/) });
  });

  it('cancel stops the build: no image, no build container left running', async () => {
    const marker = randomBytes(4).toString('hex');
    const dir = await contextWith({ Dockerfile: `FROM ${TEST_IMAGE}\nRUN echo start-${marker} && sleep 30\n` });
    const t = tag();
    const chunks: BuildChunk[] = [];
    const handle = startBuild(fixtureClient, request(dir, t, { noCache: true }), (c) => void chunks.push(c));
    await waitFor(() => chunks.some((c) => c.kind === 'output' && c.lines.some((l) => l === `start-${marker}`)), {
      timeoutMs: 30_000,
      description: 'the RUN step to start',
    });
    const cancelledAt = Date.now();
    handle.cancel();
    await handle.finished;
    expect(Date.now() - cancelledAt).toBeLessThan(5_000);
    expect(chunks.some((c) => c.kind === 'done')).toBe(false);
    // The engine notices the closed request and removes the step's container.
    await waitFor(
      async () => {
        const all = await fixtureClient().listContainers();
        return !all.some((c) => c.Command?.includes(`start-${marker}`));
      },
      { timeoutMs: 20_000, description: 'the build container to go away' },
    );
    expect(await imageExists(t)).toBe(false);
  });

  it('builds a named target from a Dockerfile elsewhere in the context', async () => {
    const dir = await contextWith({});
    await mkdir(join(dir, 'docker'));
    await writeFile(
      join(dir, 'docker', 'app.Dockerfile'),
      `FROM ${TEST_IMAGE} AS base\nRUN echo base > /stage\nFROM base AS final\nRUN echo final > /stage\n`,
    );
    const t = tag();
    const chunks = await build(request(dir, t, { dockerfile: 'docker/app.Dockerfile', target: 'base' }));
    expect(chunks.at(-1)?.kind).toBe('done');
    expect(await runOnce(t, ['cat', '/stage'])).toContain('base');
  });

  it('an unknown target stage comes back as a failure with the engine reason', async () => {
    const dir = await contextWith({ Dockerfile: `FROM ${TEST_IMAGE} AS base\nRUN true\n` });
    const t = tag();
    const outcome = await startBuild(fixtureClient, request(dir, t, { target: 'nope' }), () => {})
      .finished.then(() => 'no error')
      .catch((e: unknown) => e);
    // The engine refuses before streaming: its own words, not a bare "server error".
    expect(outcome).toMatchObject({ message: expect.stringMatching(/target.*nope/i) });
    expect(await imageExists(t)).toBe(false);
  });
});
