import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src-common/index';
import { createApiClient } from './client';
import type { Transport } from './transport';

const status = { state: 'connecting', endpoint: null } as const;

function fakeTransport(answer: Awaited<ReturnType<Transport['invoke']>>) {
  const calls: [string, unknown][] = [];
  let push: (chunk: unknown, done: () => void) => void = () => {};
  const written: Uint8Array[] = [];
  const transport: Transport = {
    invoke: async (method, args) => {
      calls.push([method, args]);
      return answer;
    },
    subscribe: (_stream, _args, onData) => {
      push = onData;
      return () => {};
    },
    open: (_stream, _args, onData) => {
      push = onData;
      return { write: (bytes) => written.push(bytes), close: () => {} };
    },
  };
  return { transport, calls, written, push: (c: unknown, done: () => void = () => {}) => push(c, done) };
}

describe('api client', () => {
  it('returns the checked value of a successful call', async () => {
    const { transport, calls } = fakeTransport({ ok: true, value: status });
    await expect(createApiClient(transport).call('engine.getStatus', {})).resolves.toEqual(status);
    expect(calls).toEqual([['engine.getStatus', {}]]);
  });

  it('throws ApiError with the code, message and object of a failed call', async () => {
    const { transport } = fakeTransport({
      ok: false,
      error: { code: 'conflict', message: 'Container web-1 is running.', object: 'container web-1' },
    });
    const err = await createApiClient(transport).call('containers.remove', { id: 'web-1', force: false, removeAnonymousVolumes: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'conflict', message: 'Container web-1 is running.', object: 'container web-1' });
  });

  it('rejects an off-contract response instead of passing it on', async () => {
    const { transport } = fakeTransport({ ok: true, value: { state: 'weird' } });
    await expect(createApiClient(transport).call('engine.getStatus', {})).rejects.toMatchObject({ code: 'internal' });
  });

  it('passes stream chunks on as main sent them (main checked them against the contract)', () => {
    const { transport, push } = fakeTransport({ ok: true, value: null });
    const got: unknown[] = [];
    createApiClient(transport).subscribe('engine.status', {}, (c) => got.push(c));
    push(status);
    expect(got).toEqual([status]);
  });

  it('has a no-op connection listener when the transport cannot drop', () => {
    const { transport } = fakeTransport({ ok: true, value: null });
    const stop = createApiClient(transport).onConnectionChange(() => {});
    expect(typeof stop).toBe('function');
  });
});
