import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { StreamSink } from '../../src-common/contract/handlers';
import type { LogChunk } from '../../src-common/models/logs';
import type { Engine } from '../engine/index';
import type { DockerClient } from '../engine/connection/docker-client';
import type { AppHost } from './app-host';
import { decodeLogLines } from '../../src-common/logs-codec';
import { createLogHandlers } from './logs-handlers';
import { TEST_CALLER } from '../test-support/test-caller';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeEngine(stream: PassThrough) {
  const requests: { path: string; query: unknown }[] = [];
  const client = {
    inspectContainer: async () => ({ Id: 'abc', Name: '/web-1', Config: { Tty: true }, State: { Status: 'running' } }),
    streamGet: async (req: { path: string; query: unknown }) => {
      requests.push(req);
      return stream;
    },
  } as unknown as DockerClient;
  const engine = { requireClient: () => client, events: { subscribe: () => () => {} } } as unknown as Engine;
  return { engine, requests };
}

function recordingSink(accept: () => boolean) {
  const chunks: LogChunk[] = [];
  let drain: (() => void) | null = null;
  const sink: StreamSink<LogChunk> = {
    next: (chunk) => (chunks.push(chunk), accept()),
    end: () => {},
    onDrain: (listener) => (drain = listener),
    onInput: () => {},
  };
  return { sink, chunks, drain: () => drain?.() };
}

describe('logs.follow handler', () => {
  it('asks the engine for timestamps, both streams and the tail, and sends lines in batches', async () => {
    const stream = new PassThrough();
    const { engine, requests } = fakeEngine(stream);
    const handlers = createLogHandlers(engine, {} as AppHost);
    const { sink, chunks } = recordingSink(() => true);
    const cancel = handlers.streams['logs.follow']({ target: { kind: 'container', id: 'web-1' }, tail: 100 }, sink, TEST_CALLER);
    await tick();
    expect(requests[0]).toMatchObject({ path: '/containers/abc/logs', query: { follow: 1, stdout: 1, stderr: 1, timestamps: 1, tail: '100' } });
    stream.write('2026-01-01T00:00:00.1Z one\r\n2026-01-01T00:00:00.2Z two\r\n');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(chunks[0]).toEqual({ kind: 'sources', sources: [{ id: 'abc', name: 'web-1', tty: true, state: 'running' }] });
    const lines = chunks.flatMap((c) => (c instanceof Uint8Array ? [decodeLogLines(c, new TextDecoder())] : []));
    expect(lines).toEqual([
      { kind: 'lines', container: 'abc', count: 2, text: '2026-01-01T00:00:00.1Z one\n2026-01-01T00:00:00.2Z two', stderr: [] },
    ]);
    cancel();
    expect(stream.destroyed).toBe(true);
  });

  it("pauses the engine's stream while the view is behind and resumes on drain", async () => {
    const stream = new PassThrough();
    const { engine } = fakeEngine(stream);
    const handlers = createLogHandlers(engine, {} as AppHost);
    let behind = false;
    const { sink, drain } = recordingSink(() => !behind);
    const cancel = handlers.streams['logs.follow']({ target: { kind: 'container', id: 'web-1' }, tail: 'all' }, sink, TEST_CALLER);
    await tick();
    expect(stream.isPaused()).toBe(false);
    behind = true;
    stream.write(`${'2026-01-01T00:00:00.1Z x\n'.repeat(4000)}`); // over 64 KB: sent at once
    await tick();
    expect(stream.isPaused()).toBe(true);
    behind = false;
    drain();
    expect(stream.isPaused()).toBe(false);
    cancel();
  });
});
