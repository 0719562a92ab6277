import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  IPC_CHANNELS,
  calls,
  type ApiHandlers,
  type CallName,
  type CallRequest,
  type Caller,
  type StreamSink,
} from '../../src-common/contract/index';
import { FakeFrame, FakeWebContents, resetFakeElectron, state } from './test-support/fake-electron';
import { registerIpc } from './ipc';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

const appUrl = 'app://berth/index.html';

/** A valid request for every call; typed so that a new call in the contract must be added here. */
const validRequests: { [N in CallName]: CallRequest<N> } = {
  'engine.getStatus': {},
  'engine.reconnect': {},
  'engine.resync': {},
  'containers.list': {},
  'containers.inspect': { id: 'web-1' },
  'containers.start': { id: 'web-1' },
  'containers.stop': { id: 'web-1', timeoutSeconds: 3 },
  'containers.restart': { id: 'web-1' },
  'containers.pause': { id: 'web-1' },
  'containers.unpause': { id: 'web-1' },
  'containers.kill': { id: 'web-1', signal: 'SIGTERM' },
  'containers.remove': { id: 'web-1', force: false, removeAnonymousVolumes: false },
  'settings.get': {},
  'settings.update': { theme: 'dark' },
  'settings.acknowledgeLoadProblem': {},
  'engine.contexts': {},
  'terminal.resize': { sessionId: 's1', cols: 80, rows: 24 },
  'images.list': {},
  'images.inspect': { id: 'nginx:1.27' },
  'images.layers': { id: 'nginx:1.27' },
  'images.family': {},
  'images.remove': { id: 'nginx:1.27', tag: 'nginx:1.27', force: false },
  'images.tag': { id: 'nginx:1.27', target: 'localhost:5000/nginx:1.27' },
  'images.prunePreview': { mode: 'dangling' },
  'images.prune': { mode: 'unused', labels: ['berth.test=1'] },
  'images.save': { refs: ['nginx:1.27'] },
  'images.load': { path: '/tmp/images.tar' },
  'images.pickTarFile': {},
  'containers.writableLayerSize': { id: 'web-1' },
  'containers.changedPaths': { id: 'web-1' },
  'run.options': {},
  'run.start': {
    form: {
      image: 'busybox:1',
      name: 'web-1',
      command: '',
      ports: '8080:80',
      env: '',
      volumes: '',
      restartPolicy: 'no',
      cpus: '',
      memory: '',
      network: '',
      aliases: '',
      ipv4Address: '',
      autoRemove: false,
      interactive: false,
      labels: '',
    },
  },
  'build.pickContext': {},
  'build.checkContext': { contextPath: '/tmp/app', dockerfile: 'Dockerfile' },
  'registries.overview': {},
  'registries.login': { server: 'localhost:5000', username: 'me', password: 'secret' },
  'registries.logout': { server: 'localhost:5000' },
  'registries.searchHub': { term: 'nginx' },
  'logs.download': { id: 'web-1' },
  'volumes.list': {},
  'volumes.create': { name: 'pgdata', driver: 'local', labels: '', options: '' },
  'volumes.remove': { name: 'pgdata' },
  'volumes.measureSizes': {},
  'volumes.prunePreview': { scope: 'anonymous' },
  'volumes.prune': { scope: 'anonymous', names: ['pgdata'] },
  'files.stat': { target: { kind: 'container', id: 'web-1' }, path: '/etc/hosts' },
  'files.readText': { target: { kind: 'container', id: 'web-1' }, path: '/etc/hosts' },
  'files.download': { target: { kind: 'volume', session: 'abcdefgh12' }, path: '/' },
  'files.uploadOffer': { target: { kind: 'container', id: 'web-1' }, folder: '/tmp', mode: 'files', files: [{ path: 'a.txt', size: 3 }] },
  'files.pickAndUpload': { target: { kind: 'container', id: 'web-1' }, folder: '/tmp', mode: 'extract' },
  'system.diskUsage': {},
  'containers.prunePreview': {},
  'containers.prune': { ids: ['web-1'] },
  'buildCache.prunePreview': { all: false },
  'buildCache.prune': { all: false, ids: ['wkzabpbdpygxv8odyy1b8hyw2'] },
  'networks.list': {},
  'networks.inspect': { id: 'app-net' },
  'networks.create': {
    form: { name: 'app-net', subnet: '10.40.0.0/16', gateway: '', ipRange: '', internal: false, attachable: true, labels: 'a=1' },
  },
  'networks.removeCheck': { id: 'app-net' },
  'networks.remove': { id: 'app-net' },
  'networks.prunePreview': {},
  'networks.prune': { labels: ['berth.test=1'] },
  'networks.connect': { form: { network: 'app-net', container: 'web-1', aliases: 'db', ipAddress: '10.40.0.9' } },
  'networks.disconnect': { network: 'app-net', container: 'web-1', force: false },
  'stats.watch': { viewId: 'view-0123456789abcdef', ids: ['web-1'], totals: true },
};

/** Handlers that record what reached them; calls answer with an error naming the method. */
function recordingHandlers() {
  const hits: { method: string; request: unknown; caller: Caller }[] = [];
  const sinks: { name: string; sink: StreamSink<unknown>; cancelled: boolean; caller: Caller }[] = [];
  const callHandlers = Object.fromEntries(
    Object.keys(calls).map((method) => [
      method,
      (request: unknown, caller: Caller) => {
        hits.push({ method, request, caller });
        if (method === 'engine.getStatus') return Promise.resolve({ state: 'connecting', endpoint: null });
        return Promise.reject(new ApiError('conflict', `reached ${method}`, 'container web-1'));
      },
    ]),
  );
  const opener = (name: string) => (_args: unknown, sink: StreamSink<unknown>, caller: Caller) => {
    const entry = { name, sink, cancelled: false, caller };
    sinks.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  const handlers = {
    calls: callHandlers,
    streams: { 'engine.status': opener('engine.status'), 'containers.changes': opener('containers.changes'), 'logs.follow': opener('logs.follow') },
  } as unknown as ApiHandlers;
  return { handlers, hits, sinks };
}

/** The webContents of one of our windows, showing our page, plus the sender events it produces. */
function appContents(url = appUrl) {
  const contents = new FakeWebContents(new FakeFrame(url));
  return contents;
}
const eventFrom = (contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame) => ({
  sender: contents,
  senderFrame: frame,
});

function setup() {
  const recorded = recordingHandlers();
  const ours = new Set<unknown>();
  const unregister = registerIpc({
    handlers: recorded.handlers,
    isAppWindow: (contents) => ours.has(contents),
  });
  const trusted = (url = appUrl) => {
    const contents = appContents(url);
    ours.add(contents);
    return contents;
  };
  const call = (event: unknown, payload: unknown) => state.ipcMain.handlers.get(IPC_CHANNELS.call)!(event, payload);
  const subscribe = (event: unknown, payload: unknown) => state.ipcMain.listeners.emit(IPC_CHANNELS.subscribe, event, payload);
  const unsubscribe = (event: unknown, payload: unknown) =>
    state.ipcMain.listeners.emit(IPC_CHANNELS.unsubscribe, event, payload);
  return { ...recorded, unregister, trusted, call, subscribe, unsubscribe };
}

beforeEach(() => resetFakeElectron());

describe('calls', () => {
  it('registers one invoke handler and the two stream listeners on the contract channels', () => {
    setup();
    expect([...state.ipcMain.handlers.keys()]).toEqual([IPC_CHANNELS.call]);
    expect(state.ipcMain.listeners.listenerCount(IPC_CHANNELS.subscribe)).toBe(1);
    expect(state.ipcMain.listeners.listenerCount(IPC_CHANNELS.unsubscribe)).toBe(1);
  });

  it('dispatches every call of the contract from our window to its handler', async () => {
    const { trusted, call, hits } = setup();
    const contents = trusted();

    for (const [method, args] of Object.entries(validRequests)) {
      const envelope = await call(eventFrom(contents), { method, args });
      if (method === 'engine.getStatus') {
        expect(envelope).toEqual({ ok: true, value: { state: 'connecting', endpoint: null } });
      } else {
        expect(envelope).toEqual({
          ok: false,
          error: { code: 'conflict', message: `reached ${method}`, object: 'container web-1' },
        });
      }
    }
    expect(hits.map((h) => h.method).sort()).toEqual(Object.keys(calls).sort());
    expect(hits.find((h) => h.method === 'containers.stop')?.request).toEqual({ id: 'web-1', timeoutSeconds: 3 });
  });

  it('tells handlers which window is asking: one caller per webContents, the same for its calls and streams', async () => {
    const { trusted, call, subscribe, hits, sinks } = setup();
    const first = trusted();
    const second = trusted();
    const payload = { method: 'terminal.resize', args: { sessionId: 's1', cols: 80, rows: 24 } };
    await call(eventFrom(first), payload);
    await call(eventFrom(first), payload);
    await call(eventFrom(second), payload);
    subscribe(eventFrom(first), { id: 1, stream: 'engine.status', args: {} });

    const [a1, a2, b] = hits.map((h) => h.caller);
    expect(a1).toBe(a2);
    expect(b).not.toBe(a1);
    expect(sinks[0]!.caller).toBe(a1);
  });

  it('refuses calls from foreign pages, subframes, other windows and vanished frames without reaching a handler', async () => {
    const { trusted, call, hits } = setup();
    const ours = trusted();
    const evil = trusted('https://evil.example/');
    // The built page opened from disk is not the app's page: only app://berth/index.html is.
    const fromDisk = trusted(pathToFileURL(path.resolve(__dirname, '..', '..', 'dist', 'renderer', 'index.html')).href);
    const stranger = appContents(); // our page, but in a webContents we did not create
    const payload = { method: 'engine.getStatus', args: {} };
    const vanished = {
      sender: ours,
      get senderFrame(): FakeFrame {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };

    const outcomes = [
      await call(eventFrom(evil), payload),
      await call(eventFrom(fromDisk), payload),
      await call(eventFrom(ours, new FakeFrame(appUrl, ours.mainFrame)), payload),
      await call(eventFrom(stranger), payload),
      await call(eventFrom(ours, null), payload),
      await call(vanished, payload),
    ];
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(hits).toEqual([]);
  });

  it('answers malformed payloads, unknown methods and off-contract arguments with errors', async () => {
    const { trusted, call, hits } = setup();
    const event = eventFrom(trusted());

    expect(await call(event, 'engine.getStatus')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call(event, { method: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call(event, { method: 'fs.readFile', args: {} })).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    expect(await call(event, { method: 'containers.start', args: { id: '../etc' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(hits).toEqual([]);
  });
});

describe('streams', () => {
  const messages = (contents: FakeWebContents) =>
    contents.sent.filter((s) => s.channel === IPC_CHANNELS.streamMessage).map((s) => s.message);

  it('forwards chunks and the end of a subscribed stream to the subscribing webContents', () => {
    const { trusted, subscribe, sinks } = setup();
    const contents = trusted();
    subscribe(eventFrom(contents), { id: 7, stream: 'engine.status', args: {} });

    expect(sinks).toHaveLength(1);
    sinks[0]!.sink.next({ state: 'connecting', endpoint: null });
    sinks[0]!.sink.end({ reason: 'complete' });
    sinks[0]!.sink.next('after the end');
    expect(messages(contents)).toEqual([
      { id: 7, chunk: { state: 'connecting', endpoint: null } },
      { id: 7, end: { reason: 'complete' } },
    ]);
  });

  it('tells a producer to pause past ~512 KB unacknowledged, resumes it on acks, and routes input bytes', () => {
    const { trusted, subscribe, sinks } = setup();
    const contents = trusted();
    const stranger = trusted('https://evil.example/');
    // A stream whose chunks may be bytes (main checks chunks against the contract).
    subscribe(eventFrom(contents), { id: 3, stream: 'logs.follow', args: { target: { kind: 'container', id: 'web-1' } } });
    const sink = sinks[0]!.sink;
    let drains = 0;
    sink.onDrain(() => drains++);
    const inputs: number[][] = [];
    sink.onInput((bytes) => inputs.push([...bytes]));
    const chunk = new Uint8Array(200 * 1024);
    expect(sink.next(chunk)).toBe(true);
    expect(sink.next(chunk)).toBe(true);
    expect(sink.next(chunk)).toBe(false); // 600 KB unacknowledged
    const ack = (event: unknown, count: number) => state.ipcMain.listeners.emit(IPC_CHANNELS.ack, event, { id: 3, count });
    ack(eventFrom(stranger), 3); // acks from a foreign page count for nothing
    expect(drains).toBe(0);
    ack(eventFrom(contents), 2);
    expect(drains).toBe(0); // 200 KB left: above the low-water mark
    ack(eventFrom(contents), 1);
    expect(drains).toBe(1);

    const input = (event: unknown, payload: unknown) => state.ipcMain.listeners.emit(IPC_CHANNELS.input, event, payload);
    input(eventFrom(contents), { id: 3, data: new Uint8Array([3]) });
    input(eventFrom(contents), { id: 3, data: 'not bytes' });
    input(eventFrom(stranger), { id: 3, data: new Uint8Array([4]) });
    input(eventFrom(contents), { id: 99, data: new Uint8Array([5]) });
    expect(inputs).toEqual([[3]]);
  });

  it('ends unknown streams and bad arguments with an error instead of opening anything', () => {
    const { trusted, subscribe, sinks } = setup();
    const contents = trusted();
    subscribe(eventFrom(contents), { id: 1, stream: 'fs.watch', args: {} });
    subscribe(eventFrom(contents), { id: 2, stream: 'engine.status', args: { extra: true } });

    expect(sinks).toEqual([]);
    expect(messages(contents)).toMatchObject([
      { id: 1, end: { reason: 'error', error: { code: 'unknown-method' } } },
      { id: 2, end: { reason: 'error', error: { code: 'invalid-request' } } },
    ]);
  });

  it('refuses a second stream under an id that is still open, leaving the first one alone', () => {
    const { trusted, subscribe, sinks } = setup();
    const contents = trusted();
    subscribe(eventFrom(contents), { id: 3, stream: 'engine.status', args: {} });
    subscribe(eventFrom(contents), { id: 3, stream: 'containers.changes', args: {} });

    expect(sinks.map((s) => [s.name, s.cancelled])).toEqual([['engine.status', false]]);
    expect(messages(contents)).toMatchObject([{ id: 3, end: { reason: 'error', error: { code: 'invalid-request' } } }]);
  });

  it('ignores subscriptions from foreign frames', () => {
    const { trusted, subscribe, sinks } = setup();
    const evil = trusted('https://evil.example/');
    // The built page opened from disk is not the app's page: only app://berth/index.html is.
    const fromDisk = trusted(pathToFileURL(path.resolve(__dirname, '..', '..', 'dist', 'renderer', 'index.html')).href);
    subscribe(eventFrom(evil), { id: 1, stream: 'engine.status', args: {} });
    subscribe(eventFrom(fromDisk), { id: 2, stream: 'engine.status', args: {} });
    expect(sinks).toEqual([]);
  });

  it('cancels on unsubscribe, keeping ids separate per webContents', () => {
    const { trusted, subscribe, unsubscribe, sinks } = setup();
    const first = trusted();
    const second = trusted();
    subscribe(eventFrom(first), { id: 1, stream: 'engine.status', args: {} });
    subscribe(eventFrom(second), { id: 1, stream: 'containers.changes', args: {} });

    unsubscribe(eventFrom(first), { id: 1 });
    expect(sinks.map((s) => s.cancelled)).toEqual([true, false]);
    sinks[1]!.sink.next({ kind: 'remove', id: 'x' });
    expect(messages(second)).toEqual([{ id: 1, chunk: { kind: 'remove', id: 'x' } }]);
    expect(messages(first)).toEqual([]);
  });

  it('cancels every stream of a webContents when it is destroyed, and sends nothing to it afterwards', () => {
    const { trusted, subscribe, sinks } = setup();
    const contents = trusted();
    const other = trusted();
    subscribe(eventFrom(contents), { id: 1, stream: 'engine.status', args: {} });
    subscribe(eventFrom(contents), { id: 2, stream: 'containers.changes', args: {} });
    subscribe(eventFrom(other), { id: 1, stream: 'engine.status', args: {} });

    contents.destroy();
    expect(sinks.map((s) => s.cancelled)).toEqual([true, true, false]);
    expect(() => sinks[0]!.sink.next('late')).not.toThrow();
  });

  it('cancels the streams of a page that crashed or reloaded, but not on in-page navigation', () => {
    const { trusted, subscribe, sinks } = setup();
    const contents = trusted();
    subscribe(eventFrom(contents), { id: 1, stream: 'engine.status', args: {} });
    contents.emit('did-start-navigation', { url: `${appUrl}#/x`, isMainFrame: true, isSameDocument: true });
    expect(sinks[0]!.cancelled).toBe(false);
    contents.emit('did-start-navigation', { url: appUrl, isMainFrame: true, isSameDocument: false });
    expect(sinks[0]!.cancelled).toBe(true);

    subscribe(eventFrom(contents), { id: 2, stream: 'engine.status', args: {} });
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(sinks[1]!.cancelled).toBe(true);
  });

  it('unregisters its channels and cancels open streams', () => {
    const { trusted, subscribe, sinks, unregister } = setup();
    subscribe(eventFrom(trusted()), { id: 1, stream: 'engine.status', args: {} });
    unregister();
    expect(sinks[0]!.cancelled).toBe(true);
    expect(state.ipcMain.handlers.size).toBe(0);
    expect(state.ipcMain.listeners.listenerCount(IPC_CHANNELS.subscribe)).toBe(0);
  });
});
