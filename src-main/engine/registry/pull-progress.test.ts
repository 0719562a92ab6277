import { describe, expect, it } from 'vitest';
import { TransferProgress } from './pull-progress';

const L1 = 'aaaaaaaaaaaa';
const L2 = 'bbbbbbbbbbbb';

describe('TransferProgress', () => {
  it('says a pull of an image already present is up to date (it said "100 % · 0 of 0 layers")', () => {
    const p = new TransferProgress('busybox:1');
    p.apply({ status: 'Pulling from library/busybox', id: '1' });
    p.apply({ status: 'Digest: sha256:' + 'a'.repeat(64) });
    p.apply({ status: 'Status: Image is up to date for busybox:1' });
    p.presentLayers = 2;
    expect(p.snapshot(true)).toMatchObject({ upToDate: true, presentLayers: 2, layers: [], failure: null });
    expect(new TransferProgress('x').snapshot(true).upToDate).toBe(false);
  });

  it('follows a pulled layer from waiting to done, and counts an existing one as done', () => {
    const p = new TransferProgress('127.0.0.1:5000/app:1');
    p.apply({ status: 'Pulling from app', id: '1' });
    p.apply({ status: 'Already exists', id: L1, progressDetail: {} });
    p.apply({ status: 'Pulling fs layer', id: L2, progressDetail: {} });
    expect(p.snapshot().layers.map((l) => [l.id, l.state])).toEqual([
      [L1, 'exists'],
      [L2, 'waiting'],
    ]);
    p.apply({ status: 'Downloading', id: L2, progressDetail: { current: 500, total: 1000 } });
    let row = p.snapshot().layers[1]!;
    expect(row).toMatchObject({ state: 'downloading', current: 500, total: 1000 });
    expect(row.fraction).toBeCloseTo(0.35);
    p.apply({ status: 'Verifying Checksum', id: L2, progressDetail: {} });
    expect(p.snapshot().layers[1]!.state).toBe('verifying');
    p.apply({ status: 'Extracting', id: L2, progressDetail: { current: 1000, total: 1000 } });
    row = p.snapshot().layers[1]!;
    expect(row.state).toBe('extracting');
    expect(row.fraction).toBeCloseTo(1);
    p.apply({ status: 'Pull complete', id: L2, progressDetail: {} });
    p.apply({ status: 'Digest: sha256:' + 'c'.repeat(64) });
    p.apply({ status: 'Status: Downloaded newer image for 127.0.0.1:5000/app:1' });
    const done = p.snapshot(true);
    expect(done.layers.map((l) => l.state)).toEqual(['exists', 'done']);
    expect(done.fraction).toBe(1);
    expect(done.digest).toBe('sha256:' + 'c'.repeat(64));
    expect(done.status).toBe('Status: Downloaded newer image for 127.0.0.1:5000/app:1');
  });

  it('follows a push, clamps bytes past the total and takes the digest from aux', () => {
    const p = new TransferProgress('x');
    p.apply({ status: 'The push refers to repository [127.0.0.1:5000/app]' });
    p.apply({ status: 'Preparing', id: L1 });
    p.apply({ status: 'Layer already exists', id: L2 });
    p.apply({ status: 'Pushing', id: L1, progressDetail: { current: 138752, total: 3216 } });
    expect(p.snapshot().layers[0]).toMatchObject({ state: 'pushing', current: 3216, total: 3216, fraction: 1 });
    p.apply({ status: 'Pushed', id: L1 });
    p.apply({ aux: { Tag: '1', Digest: 'sha256:' + 'd'.repeat(64), Size: 736 } });
    const s = p.snapshot(true);
    expect(s.layers.map((l) => l.state)).toEqual(['done', 'exists']);
    expect(s.digest).toBe('sha256:' + 'd'.repeat(64));
  });

  it('keeps a finished layer finished and records an error line', () => {
    const p = new TransferProgress('x');
    p.apply({ status: 'Pull complete', id: L1 });
    expect(p.apply({ status: 'Waiting', id: L1 })).toBe(false);
    expect(p.snapshot().layers[0]!.state).toBe('done');
    p.apply({ errorDetail: { message: 'unauthorized: authentication required' }, error: 'unauthorized: authentication required' });
    expect(p.error).toBe('unauthorized: authentication required');
    expect(p.snapshot().fraction).toBe(1);
  });
});
