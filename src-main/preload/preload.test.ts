import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type BerthBridge } from '../../src-common/contract/bridge';
import { FakeIpcRenderer, state } from '../electron/test-support/fake-electron';
import { createBridge, type BridgeIpc } from './bridge';
import './preload';

vi.mock('electron', async () => (await import('../electron/test-support/fake-electron')).electronModule);

// What the preload did when it ran, before any test touches the fakes.
const exposedAtLoad = new Map(state.exposed);
const ipcRendererAtLoad = state.ipcRenderer;

function bridgeOverFakeIpc() {
  const ipc = new FakeIpcRenderer();
  const berth = createBridge(ipc as unknown as BridgeIpc);
  const push = (message: unknown) => ipc.listeners.emit(IPC_CHANNELS.streamMessage, {}, message);
  return { ipc, berth, push };
}

describe('preload', () => {
  it('exposes exactly one object, berth, with exactly invoke, open and subscribe, and never ipcRenderer', () => {
    expect([...exposedAtLoad.keys()]).toEqual(['berth']);
    const berth = exposedAtLoad.get('berth') as BerthBridge;
    expect(Object.keys(berth).sort()).toEqual(['invoke', 'open', 'subscribe']);
    expect(Object.values(berth).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(berth)).not.toContain(ipcRendererAtLoad);
  });

  it('wires the exposed bridge to electron’s ipcRenderer', async () => {
    const berth = exposedAtLoad.get('berth') as BerthBridge;
    await berth.invoke('engine.getStatus', {});
    expect(ipcRendererAtLoad.invoked).toEqual([
      { channel: IPC_CHANNELS.call, payload: { method: 'engine.getStatus', args: {} } },
    ]);
    expect(ipcRendererAtLoad.listeners.listenerCount(IPC_CHANNELS.streamMessage)).toBe(1);
  });
});

describe('createBridge', () => {
  it('invoke sends { method, args } on the call channel and returns main’s envelope', async () => {
    const { ipc, berth } = bridgeOverFakeIpc();
    ipc.invokeResult = () => Promise.resolve({ ok: true, value: ['c1'] });

    await expect(berth.invoke('containers.list', {})).resolves.toEqual({ ok: true, value: ['c1'] });
    expect(ipc.invoked).toEqual([{ channel: IPC_CHANNELS.call, payload: { method: 'containers.list', args: {} } }]);
  });

  it('invoke turns an IPC failure into an error envelope instead of a rejection', async () => {
    const { ipc, berth } = bridgeOverFakeIpc();
    ipc.invokeResult = () => Promise.reject(new Error("No handler registered for 'berth:call'"));
    await expect(berth.invoke('engine.getStatus', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: "No handler registered for 'berth:call'" },
    });
  });

  it('subscribe sends the subscription, routes chunks and the end by id, and unsubscribe cancels once', () => {
    const { ipc, berth, push } = bridgeOverFakeIpc();
    const a = { data: [] as unknown[], ends: [] as unknown[] };
    const b = { data: [] as unknown[], ends: [] as unknown[] };
    const unsubscribeA = berth.subscribe('engine.status', {}, (c) => a.data.push(c), (e) => a.ends.push(e));
    const unsubscribeB = berth.subscribe('containers.changes', {}, (c) => b.data.push(c), (e) => b.ends.push(e));

    expect(ipc.sent).toEqual([
      { channel: IPC_CHANNELS.subscribe, payload: { id: 1, stream: 'engine.status', args: {} } },
      { channel: IPC_CHANNELS.subscribe, payload: { id: 2, stream: 'containers.changes', args: {} } },
    ]);
    // One listener for all streams, registered once.
    expect(ipc.onCalls).toBe(1);

    push({ id: 1, chunk: 'status-1' });
    push({ id: 2, chunk: 'change-1' });
    push({ id: 2, end: { reason: 'complete' } });
    push({ id: 2, chunk: 'after end' });
    push({ id: 99, chunk: 'unknown id' });
    push('garbage');
    push(null);
    expect(a).toEqual({ data: ['status-1'], ends: [] });
    expect(b).toEqual({ data: ['change-1'], ends: [{ reason: 'complete' }] });

    unsubscribeA();
    unsubscribeA();
    unsubscribeB(); // already ended by main: nothing to cancel
    push({ id: 1, chunk: 'after unsubscribe' });
    expect(a.data).toEqual(['status-1']);
    expect(ipc.sent.filter((s) => s.channel === IPC_CHANNELS.unsubscribe)).toEqual([
      { channel: IPC_CHANNELS.unsubscribe, payload: { id: 1 } },
    ]);
  });

  it('acknowledges processed chunks on the ack channel and sends input bytes on the input channel', async () => {
    const { ipc, berth, push } = bridgeOverFakeIpc();
    const seen: unknown[] = [];
    berth.subscribe('engine.status', {}, (c) => seen.push(c), () => {});
    const dones: (() => void)[] = [];
    const term = berth.open('terminal.session', {}, (_c, done) => dones.push(done), () => {}, { manualAck: true });
    push({ id: 1, chunk: 'a' });
    push({ id: 1, chunk: 'b' });
    push({ id: 2, chunk: new Uint8Array([104, 105]) });
    await Promise.resolve();
    const acks = () => ipc.sent.filter((s) => s.channel === IPC_CHANNELS.ack).map((s) => s.payload);
    expect(seen).toEqual(['a', 'b']);
    expect(acks()).toEqual([{ id: 1, count: 2 }]);
    dones[0]!();
    await Promise.resolve();
    expect(acks()).toEqual([{ id: 1, count: 2 }, { id: 2, count: 1 }]);

    term.write(new Uint8Array([3]));
    term.write('not bytes' as unknown as Uint8Array);
    const inputs = ipc.sent.filter((s) => s.channel === IPC_CHANNELS.input).map((s) => s.payload);
    expect(inputs).toEqual([{ id: 2, data: new Uint8Array([3]) }]);
    term.close();
    term.write(new Uint8Array([4]));
    expect(ipc.sent.filter((s) => s.channel === IPC_CHANNELS.input)).toHaveLength(1);
  });
});
