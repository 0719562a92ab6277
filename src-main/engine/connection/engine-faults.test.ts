import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../src-common/models/engine-status';
import { waitFor } from '../../test-support/engine-fixtures';
import { closeMidBody, engineError, garbage, hang, json, startFakeEngine, type FakeEngine } from '../../test-support/fake-engine-server';
import type { ImageChange } from '../../../src-common/models/images';
import type { ContainerChange } from '../../../src-common/models/container';
import { createImagesWatcher } from '../images/images-watcher';
import { startTransfer } from '../registry/registry-transfer';
import type { TransferSnapshot } from '../../../src-common/models/registries';
import { createEngine, type Engine } from '../index';
import { createDockerClient, type DockerClient } from './docker-client';
import { resolveEndpoint } from './endpoint';

// Fault injection: a fake engine on a unix socket, reached through the normal client and
// engine, answers garbage, hangs, refuses /events or cuts its answers short.

let fake: FakeEngine | undefined;
let engine: Engine | undefined;
let client: DockerClient | undefined;

afterEach(async () => {
  await engine?.dispose();
  client?.close();
  await fake?.close();
  engine = undefined;
  client = undefined;
  fake = undefined;
});

async function fakeEngine(): Promise<FakeEngine> {
  fake = await startFakeEngine();
  return fake;
}

function clientFor(f: FakeEngine, defaultTimeoutMs?: number): DockerClient {
  const resolved = resolveEndpoint({ env: { DOCKER_HOST: f.dockerHost }, homeDir: '/nonexistent' });
  client = createDockerClient(resolved, defaultTimeoutMs === undefined ? {} : { defaultTimeoutMs });
  return client;
}

function engineFor(f: FakeEngine, extra: Parameters<typeof createEngine>[0] = {}): { engine: Engine; statuses: EngineStatus[] } {
  const e = createEngine({ env: { DOCKER_HOST: f.dockerHost }, homeDir: '/nonexistent', initialBackoffMs: 20, maxBackoffMs: 200, ...extra });
  engine = e;
  const statuses: EngineStatus[] = [];
  e.connection.onStatus((s) => statuses.push(s));
  return { engine: e, statuses };
}

const openFiles = () => readdirSync('/proc/self/fd').length;
const unreachable = (statuses: EngineStatus[]) =>
  statuses.filter((s): s is Extract<EngineStatus, { state: 'unreachable' }> => s.state === 'unreachable');

describe('an engine that answers garbage', () => {
  it('turns a 200 that is not JSON into an ApiError naming the call and showing the first bytes', async () => {
    const f = await fakeEngine();
    f.on('GET', '/images/json', garbage('<html><body>Bad gateway</body></html>'));
    const c = clientFor(f);
    await expect(c.request({ method: 'GET', path: '/images/json', action: 'list images' })).rejects.toMatchObject({
      code: 'engine-error',
      message: "The engine answered 'list images' with something that is not JSON: <html><body>Bad gateway</body></html>",
    });
  });

  it('says the answer was cut short when the connection closes in the middle of a body', async () => {
    const f = await fakeEngine();
    f.on('GET', '/containers/json', closeMidBody);
    await expect(clientFor(f).listContainers()).rejects.toMatchObject({
      code: 'engine-error',
      message: "The engine closed the connection in the middle of its answer to 'list containers'.",
    });
  });

  it('reports a version that is not JSON as such, not as an engine that did not answer', async () => {
    const f = await fakeEngine();
    f.on('GET', '/version', garbage('hello'));
    const { engine: e, statuses } = engineFor(f);
    e.start();
    const status = await waitFor(() => unreachable(statuses)[0], { description: 'unreachable' });
    expect(status.error).toContain("'read the engine version' with something that is not JSON: hello");
    expect(status.problem).toBe('failing');
  });
});

describe('live lists fed garbage', () => {
  it('the images list says why it failed and loads by itself once the engine answers properly', async () => {
    const f = await fakeEngine();
    let reply = garbage('Iterator value 0 is not an entry object');
    f.on('GET', '/images/json', (req, res, body) => reply(req, res, body));
    const { engine: e } = engineFor(f);
    const changes: ImageChange[] = [];
    const getClient = () => {
      try {
        return e.requireClient();
      } catch {
        return null;
      }
    };
    const watcher = createImagesWatcher({ events: e.events, containers: e.watcher, getClient });
    watcher.subscribe((c) => changes.push(c));
    e.start();
    const failed = await waitFor(() => changes.find((c) => c.kind === 'failed'), { description: 'a failed load' });
    expect(failed).toMatchObject({
      kind: 'failed',
      error: { code: 'engine-error', message: "The engine answered 'list images' with something that is not JSON: Iterator value 0 is not an entry object" },
      retryInMs: 1000,
    });
    // A JSON answer that is not a list is said as such too, never a TypeError later.
    reply = json({ message: 'not a list' });
    await waitFor(() => changes.filter((c) => c.kind === 'failed').length >= 2, { description: 'a second failure' });
    expect(changes.filter((c) => c.kind === 'failed')[1]).toMatchObject({
      error: { message: `The engine answered 'list images' with something that is not a list: {"message":"not a list"}` },
      retryInMs: 2000,
    });
    reply = json([]);
    e.events.resync(); // what Retry does, instead of waiting 2 s
    await waitFor(() => changes.some((c) => c.kind === 'snapshot'), { description: 'a snapshot' });
    watcher.dispose();
  });

  it('the containers list says why it failed, to every new subscriber too', async () => {
    const f = await fakeEngine();
    f.on('GET', '/containers/json', engineError(500, 'database is locked'));
    const { engine: e } = engineFor(f);
    e.start();
    const first: ContainerChange[] = [];
    e.watcher.subscribe((c) => first.push(c));
    await waitFor(() => first.some((c) => c.kind === 'failed'));
    const late: ContainerChange[] = [];
    e.watcher.subscribe((c) => late.push(c));
    expect(late).toEqual([
      { kind: 'failed', error: { code: 'engine-error', message: 'Cannot list containers: database is locked' }, retryInMs: 1000 },
    ]);
  });
});

describe('a stream cut short', () => {
  it('an interrupted pull says the connection closed in the middle of the pull, not "aborted"', async () => {
    const f = await fakeEngine();
    f.on('POST', '/images/create', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(`${JSON.stringify({ status: 'Pulling from library/web', id: '1' })}\r\n`);
      setTimeout(() => req.socket.destroy(), 30);
    });
    const c = clientFor(f);
    const last = await new Promise<TransferSnapshot>((resolve) =>
      startTransfer('pull', 'web:1', { requireClient: () => c, authFor: async () => ({}) }, (s) => s.finished && resolve(s)),
    );
    expect(last.failure?.message).toContain(
      "The connection to the engine closed in the middle of 'pull image web:1' (did the engine stop or restart?)",
    );
  });
});

describe('an engine that hangs', () => {
  it('gives every call a deadline: a hung list fails with engine-timeout naming the call', async () => {
    const f = await fakeEngine();
    f.on('GET', '/containers/json', hang);
    const c = clientFor(f, 100);
    await expect(c.listContainers()).rejects.toMatchObject({
      code: 'engine-timeout',
      message: "The engine did not answer 'list containers' within 100 ms.",
    });
    await expect(c.request({ method: 'GET', path: '/containers/json', action: 'inspect', object: 'container web-1', timeoutMs: 50 })).rejects.toMatchObject({
      code: 'engine-timeout',
      message: "The engine did not answer 'inspect container web-1' within 50 ms.",
      object: 'container web-1',
    });
    await waitFor(() => f.openConnections() === 0, { description: 'no connection left open' });
  });

  it('destroys every timed-out ping: 50 timeouts leave no socket and no descriptor behind', async () => {
    const f = await fakeEngine();
    f.on('GET', '/_ping', hang);
    const before = openFiles();
    const { engine: e, statuses } = engineFor(f, { answerTimeoutMs: 20, initialBackoffMs: 1, maxBackoffMs: 2 });
    e.start();
    await waitFor(() => unreachable(statuses).length >= 50, { timeoutMs: 20_000, description: '50 ping timeouts' });
    expect(unreachable(statuses)[0]).toMatchObject({ problem: 'not-answering', error: "The engine did not answer 'ping the engine' within 20 ms." });
    await e.dispose();
    engine = undefined;
    await waitFor(() => f.openConnections() === 0, { description: 'the fake engine sees no open connection' });
    await waitFor(() => openFiles() <= before + 2, { description: `open files back to ${before} (now ${openFiles()})` });
  });

  it('destroys a request whose signal aborts', async () => {
    const f = await fakeEngine();
    f.on('GET', '/images/json', hang);
    const abort = new AbortController();
    const pending = clientFor(f).request({ method: 'GET', path: '/images/json', action: 'list images', signal: abort.signal });
    await waitFor(() => f.count('/images/json') === 1);
    abort.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    await waitFor(() => f.openConnections() === 0, { description: 'connection closed' });
  });
});

describe('an engine that answers /_ping but refuses the rest', () => {
  it('backs off while /events keeps failing, and says the engine refuses /events', async () => {
    const f = await fakeEngine();
    f.on('GET', '/events', engineError(403, 'request blocked by the socket proxy'));
    const { engine: e, statuses } = engineFor(f, { initialBackoffMs: 20, maxBackoffMs: 320, stableMs: 60_000 });
    e.start();
    await waitFor(() => unreachable(statuses).length >= 5, { timeoutMs: 10_000, description: 'five refusals' });
    const refused = unreachable(statuses);
    expect(refused[0]).toMatchObject({
      problem: 'refusing',
      error: 'The engine refuses /events: 403 Forbidden – request blocked by the socket proxy',
    });
    expect(refused[0]!.hint).toContain('socket proxy');
    const delays = refused.map((s) => s.retryInMs);
    expect(delays.slice(0, 5)).toEqual([40, 80, 160, 320, 320]);
    // One /events request per try, not hundreds: tries are as many as the statuses say.
    expect(f.count('/events')).toBeLessThanOrEqual(refused.length + 2);
  });

  it('calls an engine answering 500 "running but failing", not "start Docker"', async () => {
    const f = await fakeEngine();
    f.on('GET', '/_ping', engineError(500, 'containerd is not running'));
    const { engine: e, statuses } = engineFor(f);
    e.start();
    const status = await waitFor(() => unreachable(statuses)[0], { description: 'unreachable' });
    expect(status).toMatchObject({
      problem: 'failing',
      error: 'The engine is running but failing: /_ping answered 500 Internal Server Error – containerd is not running',
    });
    expect(status.hint).not.toContain('systemctl start docker');
  });

  it('starts the backoff over once the events stream has stayed up, and then checks again at once', async () => {
    const f = await fakeEngine();
    let refuse = true;
    f.on('GET', '/events', (req, res, body) => {
      if (refuse) return engineError(500, 'boom')(req, res, body);
      // Stays up well past stableMs, then the engine "restarts".
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.flushHeaders();
      setTimeout(() => req.socket.destroy(), 300);
    });
    const { engine: e, statuses } = engineFor(f, { initialBackoffMs: 20, maxBackoffMs: 1000, stableMs: 30 });
    e.start();
    await waitFor(() => unreachable(statuses).length >= 3, { description: 'three failures' });
    refuse = false;
    await waitFor(() => f.count('/events') > 0 && e.connection.current().state === 'connected');
    const before = statuses.length;
    await waitFor(() => statuses.length > before, { description: 'the stream lost' });
    expect(statuses[before]?.state).toBe('connecting');
  });
});

describe('identical reads in flight', () => {
  it('share one engine request, and nothing is kept after the answer', async () => {
    const f = await fakeEngine();
    let answer: (() => void) | undefined;
    f.on('GET', '/containers/json', (req, res, body) => {
      answer = () => json([{ Id: 'a'.repeat(64), Names: ['/web'] }])(req, res, body);
    });
    const c = clientFor(f);
    const calls = Array.from({ length: 50 }, () => c.listContainers());
    await waitFor(() => answer !== undefined);
    answer!();
    const lists = await Promise.all(calls);
    expect(lists.every((l) => l.length === 1 && l[0]!.Id === 'a'.repeat(64))).toBe(true);
    expect(f.count('/containers/json')).toBe(1);
    answer = undefined;
    const again = c.listContainers();
    await waitFor(() => answer !== undefined);
    answer!();
    await again;
    expect(f.count('/containers/json')).toBe(2);
  });
});
