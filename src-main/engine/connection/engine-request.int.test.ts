import { afterAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../../src-common/contract/errors';
import { closeFixtureClient, createTestContainer, ensureBusyboxImage, fixtureClient, removeTestContainer, waitFor } from '../../test-support/engine-fixtures';

// The generic request is what feature modules build on: JSON, query, streams and errors.
describe('DockerClient.request against the real engine', () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const id of created) await removeTestContainer(id);
    closeFixtureClient();
  });

  it("answers the engine's JSON null as null, not as the bytes of it (a container without changes)", async () => {
    const c = await createTestContainer({ start: false });
    created.push(c.id);
    const changes = await fixtureClient().request<unknown>({ method: 'GET', path: `/containers/${c.id}/changes`, action: 'list the changes of' });
    expect(changes).toBeNull();
  });

  it('answers JSON with the query applied', async () => {
    await ensureBusyboxImage();
    const images = await fixtureClient().request<{ RepoTags: string[] | null }[]>({
      method: 'GET',
      path: '/images/json',
      query: { filters: JSON.stringify({ reference: ['berth-test/busybox'] }) },
      action: 'list images',
    });
    expect(images.some((i) => i.RepoTags?.includes('berth-test/busybox:1'))).toBe(true);
  });

  it('returns a stream when asked, and maps engine errors with the object named', async () => {
    const c = await createTestContainer({ start: true, cmd: ['sh', '-c', 'echo hello-from-request; sleep 30'] });
    created.push(c.id);
    // The container writes its line a moment after it starts: read the (non-following)
    // log stream again until the line is there, so the stream part is what is tested.
    const text = await waitFor(
      async () => {
        const stream = await fixtureClient().request<IncomingMessage>({
          method: 'GET',
          path: `/containers/${c.id}/logs`,
          query: { stdout: true, stderr: true, follow: false },
          response: 'stream',
          action: 'read logs of',
          object: `container ${c.name}`,
        });
        let read = '';
        for await (const chunk of stream) read += (chunk as Buffer).toString('latin1');
        return read.includes('hello-from-request') ? read : null;
      },
      { description: 'the container\'s line in its log stream' },
    );
    expect(text).toContain('hello-from-request');

    const err = await fixtureClient()
      .request({ method: 'POST', path: '/containers/berth-test-no-such/start', action: 'start', object: 'container berth-test-no-such' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('not-found');
    expect((err as ApiError).message).toContain('berth-test-no-such');
  });

  it('sends a JSON body on POST', async () => {
    const c = await createTestContainer({ start: false });
    created.push(c.id);
    const res = await fixtureClient().request<{ Id: string }>({
      method: 'POST',
      path: `/containers/${c.id}/exec`,
      body: { Cmd: ['true'], AttachStdout: true },
      action: 'create exec in',
      object: `container ${c.name}`,
    }).catch((e: unknown) => e as ApiError);
    // Exec needs a running container: the engine's own reason must come through.
    expect(res).toBeInstanceOf(ApiError);
    expect((res as ApiError).message).toMatch(/is not running/);
  });
});
