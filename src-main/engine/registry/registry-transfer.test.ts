// A push to a registry the user is logged in to, with the engine on another machine over
// plain TCP. The engine is a recording stand-in (such an engine cannot safely exist here);
// the credentials service and the transfer are the real ones.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TransferSnapshot } from '../../../src-common/models/registries';
import type { DockerClient, EngineRequest } from '../connection/docker-client';
import { createCredentialsService } from './credentials-service';
import { startTransfer } from './registry-transfer';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-transfer-'));
  await fs.mkdir(path.join(root, 'docker'));
  const auth = Buffer.from('me:secret-password').toString('base64');
  await fs.writeFile(path.join(root, 'docker', 'config.json'), JSON.stringify({ auths: { 'reg.example:5000': { auth } } }));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function engineAt(address: string, tls: boolean) {
  const requests: EngineRequest[] = [];
  const client = {
    endpoint: { kind: 'tcp', address, source: 'Berth settings', tls, display: `tcp://${address}` },
    request: async (req: EngineRequest) => {
      requests.push(req);
      const anonymous = Object.keys(req.registryAuth ?? {}).length === 0;
      const line = anonymous
        ? { error: 'unauthorized: authentication required', errorDetail: { message: 'unauthorized: authentication required' } }
        : { status: 'latest: digest: sha256:abc size: 528' };
      return Readable.from([`${JSON.stringify(line)}\n`]);
    },
  } as unknown as DockerClient;
  return { requests, requireClient: () => client };
}

async function push(engine: ReturnType<typeof engineAt>): Promise<TransferSnapshot> {
  const credentials = createCredentialsService({ configDir: path.join(root, 'docker'), dataDir: root, mode: 'browser', requireClient: engine.requireClient });
  const snapshots: TransferSnapshot[] = [];
  startTransfer('push', 'reg.example:5000/app:1', { ...credentials, requireClient: engine.requireClient }, (s) => snapshots.push(s));
  await vi.waitFor(() => expect(snapshots.at(-1)?.finished).toBe(true));
  return snapshots.at(-1)!;
}

describe('a push while the engine is reached over plain TCP', () => {
  it('sends no stored password to an engine on another machine, and the failure says why, naming the endpoint', async () => {
    const engine = engineAt('192.0.2.10:2375', false);
    const last = await push(engine);
    expect(engine.requests).toHaveLength(1);
    expect(engine.requests[0]!.registryAuth).toEqual({});
    expect(JSON.stringify(engine.requests)).not.toContain('secret-password');
    expect(last.failure?.kind).toBe('unauthorized');
    expect(last.failure?.message).toContain('did not send your saved login for reg.example:5000');
    expect(last.failure?.message).toContain('tcp://192.0.2.10:2375 without TLS');
  });

  it('sends it with TLS, as before', async () => {
    const engine = engineAt('192.0.2.10:2376', true);
    const last = await push(engine);
    expect(engine.requests[0]!.registryAuth).toMatchObject({ username: 'me', password: 'secret-password' });
    expect(last.failure).toBeNull();
  });
});
