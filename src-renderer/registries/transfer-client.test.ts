import { describe, expect, it } from 'vitest';
import type { StreamEnd } from '../../src-common/contract/streams';
import type { TransferSnapshot } from '../../src-common/models/registries';
import type { ApiClient } from '../api/client';
import { pullImage, pushImage } from './transfer-client';

function fakeClient() {
  const opened: { stream: string; args: unknown; onChunk: (c: unknown) => void; onEnd?: (e: StreamEnd) => void; unsubscribed: boolean }[] = [];
  const client = {
    call: () => Promise.reject(new Error('unused')),
    subscribe: (stream: string, args: unknown, onChunk: (c: unknown) => void, onEnd?: (e: StreamEnd) => void) => {
      const entry = { stream, args, onChunk, onEnd, unsubscribed: false };
      opened.push(entry);
      return () => (entry.unsubscribed = true);
    },
    onConnectionChange: () => () => {},
  } as unknown as ApiClient;
  return { client, opened };
}

const snap = (over: Partial<TransferSnapshot> = {}): TransferSnapshot => ({
  ref: 'app:1',
  layers: [],
  fraction: 0,
  status: null,
  digest: null,
  finished: false,
  failure: null,
  upToDate: false,
  presentLayers: null,
  ...over,
});

describe('pullImage / pushImage', () => {
  it('reports progress and settles done on a complete end', async () => {
    const { client, opened } = fakeClient();
    const seen: TransferSnapshot[] = [];
    const t = pullImage('app:1', (s) => seen.push(s), client);
    expect(opened[0]).toMatchObject({ stream: 'registries.pull', args: { ref: 'app:1' } });
    opened[0]!.onChunk(snap({ fraction: 0.5 }));
    opened[0]!.onChunk(snap({ fraction: 1, finished: true }));
    opened[0]!.onEnd?.({ reason: 'complete' });
    expect(seen.map((s) => s.fraction)).toEqual([0.5, 1]);
    expect(await t.result).toMatchObject({ outcome: 'done', snapshot: { fraction: 1 } });
  });

  it('settles failed with the plain-words failure of the last snapshot', async () => {
    const { client, opened } = fakeClient();
    const t = pushImage('localhost:5000/app:1', () => {}, client);
    expect(opened[0]!.stream).toBe('registries.push');
    opened[0]!.onChunk(snap({ finished: true, failure: { kind: 'unauthorized', message: 'localhost:5000 refused access' } }));
    opened[0]!.onEnd?.({ reason: 'error', error: { code: 'engine-error', message: 'localhost:5000 refused access' } });
    expect(await t.result).toMatchObject({ outcome: 'failed', kind: 'unauthorized', message: 'localhost:5000 refused access' });
  });

  it('cancel unsubscribes (which aborts the engine request) and settles cancelled', async () => {
    const { client, opened } = fakeClient();
    const t = pullImage('app:1', () => {}, client);
    t.cancel();
    expect(opened[0]!.unsubscribed).toBe(true);
    expect(await t.result).toEqual({ outcome: 'cancelled' });
  });
});
