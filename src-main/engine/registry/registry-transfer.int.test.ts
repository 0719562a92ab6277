import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferSnapshot } from '../../../src-common/models/registries';
import { closeFixtureClient, fixtureClient, waitFor } from '../../test-support/engine-fixtures';
import { fakeSecretStorage, writeFakeCredentialHelper, type FakeCredentialHelper } from '../../test-support/fake-credential-helper';
import { buildLayeredTestImage, removeTestImage, startLocalRegistry, type LocalRegistry } from '../../test-support/local-registry';
import { ENCRYPTED_STORE_FILE } from './credentials-encrypted-store';
import { createCredentialsService, type CredentialsService } from './credentials-service';
import { searchDockerHub } from './registry-search';
import { startTransfer, type TransferKind } from './registry-transfer';

const USER = 'berth-user';
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;

/** Runs a transfer to its end and returns every snapshot it reported. */
function transfer(kind: TransferKind, ref: string, credentials: CredentialsService, intervalMs?: number): Promise<TransferSnapshot[]> {
  return new Promise((resolve) => {
    const seen: TransferSnapshot[] = [];
    const deps = { requireClient: fixtureClient, authFor: credentials.authFor, ...(intervalMs === undefined ? {} : { intervalMs }) };
    startTransfer(kind, ref, deps, (s) => {
      seen.push(s);
      if (s.finished) resolve(seen);
    });
  });
}

async function tag(source: string, target: string): Promise<void> {
  const colon = target.lastIndexOf(':');
  await fixtureClient().request({
    method: 'POST',
    path: `/images/${source}/tag`,
    query: { repo: target.slice(0, colon), tag: target.slice(colon + 1) },
    action: 'tag',
    object: `image ${source}`,
  });
}

const imageExists = (ref: string) => fixtureClient().imageExists(ref);

describe('pull and push against a real local registry', () => {
  let open: LocalRegistry;
  let secured: LocalRegistry;
  let root: string;
  let helper: FakeCredentialHelper;
  let env: NodeJS.ProcessEnv;
  const source = `berth-test/registry-app:${randomBytes(3).toString('hex')}`;
  const made: string[] = [source];

  const service = (configDir: string, extra: Partial<Parameters<typeof createCredentialsService>[0]> = {}) =>
    createCredentialsService({ configDir, dataDir: path.join(root, 'data'), env, mode: 'browser', requireClient: fixtureClient, ...extra });

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-reg-int-'));
    env = { ...process.env, PATH: `${path.join(root, 'bin')}:${process.env.PATH}` };
    helper = await writeFakeCredentialHelper(path.join(root, 'bin'), 'berthint');
    [open, secured] = await Promise.all([startLocalRegistry(), startLocalRegistry({ auth: { username: USER, password: PASSWORD } })]);
    await buildLayeredTestImage(source);
  });

  afterAll(async () => {
    for (const ref of made) await removeTestImage(ref);
    await Promise.all([open?.stop(), secured?.stop()]);
    await fs.rm(root, { recursive: true, force: true });
    closeFixtureClient();
  });

  it('pushes with per-layer progress, then pulls it back after removing it locally', async () => {
    const ref = `${open.host}/berth-test/app:1`;
    made.push(ref);
    await tag(source, ref);
    const anonymous = service(path.join(root, 'empty-config'));

    const pushed = await transfer('push', ref, anonymous);
    const last = pushed.at(-1)!;
    expect(last.failure).toBeNull();
    expect(last.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(last.layers.length).toBeGreaterThanOrEqual(2);
    expect(last.layers.every((l) => l.state === 'done' || l.state === 'exists')).toBe(true);
    expect(last.fraction).toBe(1);

    // Remove every local name of the image so its own layer is gone, then pull it back.
    await removeTestImage(ref);
    await removeTestImage(source);
    expect(await imageExists(ref)).toBe(false);

    // Every change reported (no batching), so the test sees each state a layer went through.
    const pulled = await transfer('pull', ref, anonymous, 0);
    const end = pulled.at(-1)!;
    expect(end.failure).toBeNull();
    expect(end.digest).toBe(last.digest);
    expect(end.layers.every((l) => l.state === 'done' || l.state === 'exists')).toBe(true);
    // The busybox layers are shared with berth-test/busybox:1; the payload layer was downloaded.
    expect(end.layers.some((l) => l.state === 'exists')).toBe(true);
    expect(end.layers.some((l) => l.state === 'done')).toBe(true);
    const states = new Set(pulled.flatMap((s) => s.layers.map((l) => l.state)));
    expect(states.has('downloading') || states.has('extracting')).toBe(true);
    expect(pulled.some((s) => s.layers.some((l) => l.total !== null && l.total > 0))).toBe(true);
    await waitFor(() => imageExists(ref), { description: `${ref} to exist again` });

    // Pulled again, nothing moves: up to date, with the local image's layer count.
    const again = (await transfer('pull', ref, anonymous)).at(-1)!;
    expect(again).toMatchObject({ failure: null, upToDate: true, presentLayers: last.layers.length });
  });

  it('batches progress: at most one snapshot per 100 ms, and always the last', async () => {
    const ref = `${open.host}/berth-test/app:1`;
    await removeTestImage(ref);
    const times: number[] = [];
    const seen = await new Promise<TransferSnapshot[]>((resolve) => {
      const all: TransferSnapshot[] = [];
      const creds = service(path.join(root, 'empty-config'));
      startTransfer('pull', ref, { requireClient: fixtureClient, authFor: creds.authFor }, (s) => {
        all.push(s);
        times.push(performance.now());
        if (s.finished) resolve(all);
      });
    });
    expect(seen.at(-1)).toMatchObject({ finished: true, failure: null });
    const gaps = times.slice(1, -1).map((t, i) => t - times[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(95);
  });

  it('cancel aborts the request: nothing more is reported and the engine is free for the next pull', async () => {
    const big = `berth-test/registry-big:${randomBytes(3).toString('hex')}`;
    const ref = `${open.host}/berth-test/big:1`;
    made.push(big, ref);
    await buildLayeredTestImage(big, 24_000_000);
    await tag(big, ref);
    const creds = service(path.join(root, 'empty-config'));
    expect((await transfer('push', ref, creds)).at(-1)!.failure).toBeNull();
    await removeTestImage(ref);
    await removeTestImage(big);

    let cancel: () => void = () => {};
    let afterCancel = 0;
    let cancelled = false;
    await new Promise<void>((resolve) => {
      cancel = startTransfer('pull', ref, { requireClient: fixtureClient, authFor: creds.authFor, intervalMs: 0 }, (s) => {
        if (cancelled) afterCancel++;
        else if (s.layers.some((l) => l.state === 'downloading' || l.state === 'waiting')) {
          cancelled = true;
          cancel();
          resolve();
        }
      });
    });
    // The engine answers other requests meanwhile, and a new pull of the same image runs to its end.
    await fixtureClient().ping();
    expect(afterCancel).toBe(0);
    const again = await transfer('pull', ref, creds);
    expect(again.at(-1)).toMatchObject({ finished: true, failure: null });
    expect(afterCancel).toBe(0);
  });

  it('says "not found" for a tag the registry does not have', async () => {
    const seen = await transfer('pull', `${open.host}/berth-test/app:nope`, service(path.join(root, 'empty-config')));
    expect(seen.at(-1)!.failure).toMatchObject({ kind: 'not-found', message: expect.stringContaining('was not found on') });
  });

  it('says "could not reach" when nothing listens', async () => {
    const seen = await transfer('pull', '127.0.0.1:1/berth-test/app:1', service(path.join(root, 'empty-config')));
    expect(seen.at(-1)!.failure).toMatchObject({ kind: 'network', message: expect.stringContaining('The engine could not reach 127.0.0.1:1') });
  });

  it('logs in: a bad password is refused naming the registry; a good one goes to the credential helper', async () => {
    const configDir = path.join(root, 'helper-config');
    await fs.mkdir(configDir, { recursive: true });
    await fs.writeFile(path.join(configDir, 'config.json'), JSON.stringify({ credsStore: 'berthint', detachKeys: 'ctrl-x' }));
    const creds = service(configDir);

    const bad = await creds.login({ server: secured.host, username: USER, password: 'wrong-password' });
    expect(bad).toMatchObject({ ok: false, field: 'password', kind: 'unauthorized' });
    expect(bad.ok === false && bad.message).toContain(secured.host);
    expect(JSON.stringify(bad)).not.toContain('wrong-password');

    const good = await creds.login({ server: secured.host, username: USER, password: PASSWORD });
    expect(good).toMatchObject({ ok: true, source: 'creds-store', helper: 'berthint', server: secured.host });
    expect((await helper.read())[secured.host]).toEqual({ Username: USER, Secret: PASSWORD });
    const config = JSON.parse(await fs.readFile(path.join(configDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(config)).not.toContain(PASSWORD);
    expect((await creds.overview()).logins).toContainEqual({ server: secured.host, registry: secured.host, username: USER, source: 'creds-store', helper: 'berthint' });

    // Push with the stored login works; a pull without any login is refused.
    const ref = `${secured.host}/berth-test/secure:1`;
    made.push(ref);
    await tag(`${open.host}/berth-test/app:1`, ref);
    const pushed = await transfer('push', ref, creds);
    expect(pushed.at(-1)!.failure).toBeNull();
    expect(pushed.at(-1)!.digest).toMatch(/^sha256:/);
    await removeTestImage(ref);
    const refused = await transfer('pull', ref, service(path.join(root, 'empty-config')));
    expect(refused.at(-1)!.failure).toMatchObject({ kind: 'unauthorized', message: expect.stringContaining(secured.host) });
    const allowed = await transfer('pull', ref, creds);
    expect(allowed.at(-1)!.failure).toBeNull();

    await creds.logout(secured.host);
    expect(await helper.read()).not.toHaveProperty(secured.host);
    const kept = JSON.parse(await fs.readFile(path.join(configDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(kept.detachKeys).toBe('ctrl-x');
  });

  it("stores a good login in Berth's encrypted store when no helper applies, never in clear", async () => {
    const creds = service(path.join(root, 'no-helper-config'), { mode: 'electron', secretStorage: fakeSecretStorage() });
    const good = await creds.login({ server: `http://${secured.host}`, username: USER, password: PASSWORD });
    expect(good).toMatchObject({ ok: true, source: 'berth', server: secured.host });
    const file = await fs.readFile(path.join(root, 'data', ENCRYPTED_STORE_FILE), 'utf8');
    expect(file).not.toContain(PASSWORD);
    expect(await creds.authFor(secured.host)).toEqual({ username: USER, password: PASSWORD, serveraddress: secured.host });

    const browser = service(path.join(root, 'no-helper-config'));
    const sessionOnly = await browser.login({ server: secured.host, username: USER, password: PASSWORD });
    expect(sessionOnly).toMatchObject({ ok: true, source: 'session', notStoredReason: expect.stringMatching(/plain text/) });
  });

  it('says when the engine cannot reach Docker Hub', async () => {
    const answer = await searchDockerHub(fixtureClient(), 'busybox', 25);
    // This machine has no internet; where it has, results come back instead.
    if (answer.ok) expect(Array.isArray(answer.results)).toBe(true);
    else expect(answer.message).toMatch(/^The engine could not reach Docker Hub: .+/);
  });
});
