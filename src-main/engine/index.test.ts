import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../test-support/engine-fixtures';
import { engineMessages } from './connection/engine-messages';
import { createEngine, type Engine } from './index';

let engine: Engine | undefined;
let dir: string | undefined;
afterEach(async () => {
  await engine?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('createEngine', () => {
  it('touches nothing before start', () => {
    engine = createEngine({ env: { DOCKER_HOST: 'unix:///nowhere.sock' } });
    expect(engine.connection.current()).toEqual({ state: 'connecting', endpoint: null });
    expect(engine.watcher.current()).toBeNull();
  });

  it('reports an invalid DOCKER_HOST as unreachable, saying what is wrong and how to fix it', async () => {
    engine = createEngine({ env: { DOCKER_HOST: 'http://engine:2375' }, initialBackoffMs: 5000 });
    engine.start();
    await waitFor(() => engine?.connection.current().state === 'unreachable');
    const status = engine.connection.current();
    expect(status).toMatchObject({ state: 'unreachable', endpoint: null, hint: engineMessages.endpointSettingHint });
    expect(status.state === 'unreachable' && status.error).toMatch(/DOCKER_HOST "http:\/\/engine:2375" is not a valid engine address/);
    await expect(engine.containers.list()).rejects.toMatchObject({ code: 'engine-unreachable' });
  });

  it('reports a missing docker context as unreachable', async () => {
    dir = mkdtempSync(join(tmpdir(), 'berth-engine-'));
    engine = createEngine({ env: { DOCKER_CONTEXT: 'gone' }, homeDir: dir, initialBackoffMs: 5000 });
    engine.start();
    await waitFor(() => engine?.connection.current().state === 'unreachable');
    const status = engine.connection.current();
    expect(status.state === 'unreachable' && status.error).toMatch(/docker context "gone" does not exist/);
  });
});
