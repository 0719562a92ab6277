import { describe, expect, it } from 'vitest';
import { createDiskUsageMeter, summarizeDiskUsage } from './disk-usage';
import type { DockerClient } from '../connection/docker-client';

describe('summarizeDiskUsage', () => {
  it('counts like docker system df', () => {
    const s = summarizeDiskUsage({
      LayersSize: 1000,
      Images: [
        { Id: 'a', Containers: 2, Size: 600, SharedSize: 100, VirtualSize: 600 },
        { Id: 'b', Containers: 0, Size: 300, SharedSize: 100, VirtualSize: 300 },
        { Id: 'c', Containers: 1, Size: 50, SharedSize: -1, VirtualSize: 50 },
      ],
      Containers: [
        { Id: '1', State: 'running', SizeRw: 10 },
        { Id: '2', State: 'paused', SizeRw: 20 },
        { Id: '3', State: 'exited', SizeRw: 40 },
        { Id: '4', State: 'created', SizeRw: 80 },
      ],
      Volumes: [
        { Name: 'used', UsageData: { Size: 100, RefCount: 1 } },
        { Name: 'free', UsageData: { Size: 30, RefCount: 0 } },
        { Name: 'nfs', UsageData: { Size: -1, RefCount: 0 } },
      ],
      BuildCache: [
        { ID: 'x', InUse: true, Shared: false, Size: 5 },
        { ID: 'y', InUse: false, Shared: false, Size: 7 },
        { ID: 'z', InUse: false, Shared: true, Size: 1000 },
      ],
      BuilderSize: 1012,
    });
    expect(s.images).toEqual({ count: 3, active: 2, size: 1000, reclaimable: 500 });
    expect(s.containers).toEqual({ count: 4, active: 2, size: 150, reclaimable: 120 });
    expect(s.volumes).toEqual({ count: 3, active: 1, size: 130, reclaimable: 30 });
    expect(s.buildCache).toEqual({ count: 3, active: 1, size: 12, reclaimable: 7 });
    expect(s.volumeSizes).toEqual({ used: 100, free: 30, nfs: -1 });
  });

  it("sums Podman's image sizes where it sends no layer total (LayersSize and VirtualSize 0)", () => {
    // The shape Podman 4.3.1's /system/df answers with.
    const s = summarizeDiskUsage({
      LayersSize: 0,
      Images: [
        { Id: 'a', Containers: 1, Size: 2_000_000, SharedSize: 0, VirtualSize: 0 },
        { Id: 'b', Containers: 0, Size: 500_000, SharedSize: 0, VirtualSize: 0 },
      ],
    } as Parameters<typeof summarizeDiskUsage>[0]);
    expect(s.images).toEqual({ count: 2, active: 1, size: 2_500_000, reclaimable: 500_000 });
  });

  it("counts the layers Podman's images share once (an image built on another: all of its Size shared)", () => {
    // Podman 4.3.1 after building the busybox test image, with the build's intermediate images.
    const s = summarizeDiskUsage({
      LayersSize: 0,
      Images: [
        { Id: 'copy', Containers: 0, Size: 1_986_657, SharedSize: 1_986_657, VirtualSize: 0 },
        { Id: 'install', Containers: 0, Size: 2_130_127, SharedSize: 2_130_127, VirtualSize: 0 },
        { Id: 'step', Containers: 0, Size: 2_130_282, SharedSize: 2_130_282, VirtualSize: 0 },
        { Id: 'tagged', Containers: 1, Size: 2_130_450, SharedSize: 2_130_282, VirtualSize: 0 },
      ],
    } as Parameters<typeof summarizeDiskUsage>[0]);
    expect(s.images).toEqual({ count: 4, active: 1, size: 2_130_450, reclaimable: 2_130_282 });
  });

  it('copes with what Podman leaves out', () => {
    expect(summarizeDiskUsage({})).toMatchObject({
      images: { count: 0, size: 0 },
      buildCache: { count: 0, size: 0, reclaimable: 0 },
      volumeSizes: {},
    });
  });
});

describe('createDiskUsageMeter', () => {
  it('shares one request between callers asking at once, and keeps the latest result', async () => {
    let calls = 0;
    let release!: () => void;
    const client = {
      request: () =>
        new Promise((resolve) => {
          calls += 1;
          release = () => resolve({ LayersSize: 5 });
        }),
    } as unknown as DockerClient;
    let t = 1000;
    const meter = createDiskUsageMeter({ requireClient: () => client, now: () => (t += 500) });
    expect(meter.last()).toBeNull();
    const a = meter.measure();
    const b = meter.measure();
    await Promise.resolve();
    release();
    const [ra, rb] = await Promise.all([a, b]);
    expect(calls).toBe(1);
    expect(ra).toBe(rb);
    expect(ra.usage).toMatchObject({ tookMs: 500, images: { size: 5 } });
    expect(meter.last()).toBe(ra.usage);
  });
});

describe('a busy engine', () => {
  it('asks again while the engine runs another measurement, and gives up on other errors', async () => {
    let calls = 0;
    const client = {
      request: async () => {
        calls += 1;
        if (calls < 3) throw new Error('Cannot measure disk usage: a disk usage operation is already running');
        return { LayersSize: 7 };
      },
    } as unknown as DockerClient;
    const pauses: number[] = [];
    const meter = createDiskUsageMeter({ requireClient: () => client, sleep: async (ms) => void pauses.push(ms) });
    expect((await meter.measure()).usage.images.size).toBe(7);
    expect(pauses).toEqual([250, 500]);

    const broken = createDiskUsageMeter({
      requireClient: () => ({ request: async () => Promise.reject(new Error('Cannot measure disk usage: no space left')) }) as unknown as DockerClient,
      sleep: async () => undefined,
    });
    await expect(broken.measure()).rejects.toThrow('no space left');
    expect(broken.pending()).toBeNull();
  });
});
