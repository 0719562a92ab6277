import { describe, expect, it } from 'vitest';
import { backoffDelay, engineInfoFromVersion } from './connection';

describe('backoffDelay', () => {
  it('doubles from 250 ms and stops at 4 s', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n))).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
  });
});

describe('engineInfoFromVersion', () => {
  it('recognises Docker', () => {
    expect(
      engineInfoFromVersion({
        Platform: { Name: 'Docker Engine - Community' },
        Components: [{ Name: 'Engine', Version: '20.10.24' }],
        Version: '20.10.24',
        ApiVersion: '1.41',
        Os: 'linux',
        Arch: 'amd64',
        KernelVersion: '6.1.0',
      }),
    ).toEqual({ name: 'Docker Engine', version: '20.10.24', apiVersion: '1.41', os: 'linux', arch: 'amd64', kernelVersion: '6.1.0' });
  });

  it('recognises Podman by its component', () => {
    const info = engineInfoFromVersion({
      Platform: { Name: 'linux/amd64/debian-12' },
      Components: [{ Name: 'Podman Engine', Version: '4.3.1' }],
      Version: '4.3.1',
      ApiVersion: '1.41',
    });
    expect(info.name).toBe('Podman Engine');
    expect(info.kernelVersion).toBeUndefined();
  });
});
