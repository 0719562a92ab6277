import { describe, expect, it } from 'vitest';
import { HUB_SERVER, registryOfServer, sameRegistry, serverKeyFor } from './registry-keys';

describe('registry keys as the docker CLI writes them', () => {
  it.each([
    ['docker.io', HUB_SERVER],
    ['index.docker.io', HUB_SERVER],
    ['https://index.docker.io/v1/', HUB_SERVER],
    ['registry-1.docker.io', HUB_SERVER],
    ['ghcr.io', 'ghcr.io'],
    ['https://ghcr.io/v2/', 'ghcr.io'],
    ['http://127.0.0.1:5000', '127.0.0.1:5000'],
    ['LOCALHOST:5000', 'localhost:5000'],
  ])('%s → %s', (input, key) => expect(serverKeyFor(input)).toBe(key));

  it('matches keys with a scheme or path to their host', () => {
    expect(sameRegistry('https://myreg.example:5000/v1/', 'myreg.example:5000')).toBe(true);
    expect(sameRegistry('myreg.example:5000', 'myreg.example:5001')).toBe(false);
    expect(registryOfServer(HUB_SERVER)).toBe('docker.io');
  });
});
