import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-common/contract/errors';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  removeTestObjects,
  waitFor,
} from '../../test-support/engine-fixtures';
import { resolveEndpoint } from './endpoint';
import { rawHttpGet } from './raw-http-get';

afterAll(async () => {
  await removeTestObjects();
  closeFixtureClient();
});

const readAll = async (stream: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const part of stream as AsyncIterable<Buffer>) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
};

describe('GET over HTTP/1.0 against the real engine', () => {
  it('reads a log body byte for byte as the modem does, without the chunked encoding', async () => {
    await ensureBusyboxImage();
    const c = await createTestContainer({ cmd: ['sh', '-c', 'seq 1 3000; echo err >&2; sleep 30'] });
    const query = { stdout: 1, stderr: 1, tail: 'all' };
    const path = `/containers/${c.id}/logs`;
    await waitFor(async () => (await readAll(await fixtureClient().streamGet({ path, query, action: 'read' }))).includes('err'));
    const viaModem = await readAll(
      await fixtureClient().request<NodeJS.ReadableStream>({ method: 'GET', path, query, response: 'stream', action: 'read' }),
    );
    const raw = await rawHttpGet(resolveEndpoint().dial, path, query);
    expect(raw).not.toBeNull();
    const direct = await readAll(raw!);
    // 3,001 frames of an 8-byte header and the line.
    expect(direct.length).toBeGreaterThan(3000 * 9);
    expect(direct.equals(viaModem)).toBe(true);
  });

  it("rejects with the engine's status and reason, which the client turns into a named error", async () => {
    const raw = rawHttpGet(resolveEndpoint().dial, '/containers/berth-test-no-such/logs', { stdout: 1 });
    const err = (await raw!.catch((e: unknown) => e)) as { statusCode: number; json: { message: string } };
    expect(err.statusCode).toBe(404);
    expect(err.json.message).toMatch(/no such container/i);

    const named = await fixtureClient()
      .streamGet({ path: '/containers/berth-test-no-such/logs', query: { stdout: 1 }, action: 'read the logs of', object: 'container berth-test-no-such' })
      .catch((e: unknown) => e);
    expect(named).toBeInstanceOf(ApiError);
    expect((named as ApiError).code).toBe('not-found');
    expect((named as ApiError).message).toMatch(/^Cannot read the logs of container berth-test-no-such: .*no such container/i);
  });

  it('an abort ends a following stream', async () => {
    const c = await createTestContainer({ cmd: ['sh', '-c', 'while :; do echo tick; sleep 0.05; done'] });
    const controller = new AbortController();
    const stream = await rawHttpGet(resolveEndpoint().dial, `/containers/${c.id}/logs`, { stdout: 1, follow: 1 }, controller.signal)!;
    let ticks = 0;
    let closed = false;
    stream.on('data', () => ticks++);
    stream.on('close', () => (closed = true));
    await waitFor(() => ticks >= 2, { description: 'live lines' });
    controller.abort();
    await waitFor(() => closed, { description: 'the stream closed' });
  });

  it('leaves TLS and ssh endpoints to the modem', () => {
    expect(rawHttpGet({ kind: 'tcp', host: 'h', port: 2376, protocol: 'https', rejectUnauthorized: true }, '/x', {})).toBeNull();
    expect(rawHttpGet({ kind: 'ssh', host: 'h', port: 22 }, '/x', {})).toBeNull();
  });
});
