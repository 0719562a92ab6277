import { describe, expect, it } from 'vitest';
import { emptyRunForm } from '../../src-common/run-spec';
import { createCannedHandlers } from '../server/testing/canned-handlers';
import { dispatchCall } from './dispatch';
import { TEST_CALLER } from '../test-support/test-caller';

describe('dispatchCall refusing a request', () => {
  it('says what is wrong in the user\'s words and names the field, not "run.start: form.command: Too big…"', async () => {
    const form = { ...emptyRunForm('busybox'), command: 'x'.repeat(100 * 1024) };
    expect(await dispatchCall(createCannedHandlers(), 'run.start', { form }, TEST_CALLER)).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'The command is too long: at most 16,384 characters.', field: 'form.command' },
    });
  });

  it('words other refusals with the field too', async () => {
    const outcome = await dispatchCall(createCannedHandlers(), 'containers.stop', { id: 'web-1', timeoutSeconds: 'soon' }, TEST_CALLER);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'timeoutSeconds' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/^The timeout seconds is not valid \(/);
  });
});

describe('dispatchCall checking responses', () => {
  it('checks a value shared by many calls once, and still refuses an off-contract one', async () => {
    const list = [{ id: 'x' }]; // off-contract: a ContainerSummary has many more fields
    const handlers = createCannedHandlers();
    handlers.calls['containers.list'] = async () => list as never;
    const first = await dispatchCall(handlers, 'containers.list', {}, TEST_CALLER);
    expect(first).toMatchObject({ ok: false, error: { code: 'internal' } });
    const good = [] as never[];
    handlers.calls['containers.list'] = async () => good;
    const a = await dispatchCall(handlers, 'containers.list', {}, TEST_CALLER);
    const b = await dispatchCall(handlers, 'containers.list', {}, TEST_CALLER);
    expect(a).toEqual({ ok: true, value: [] });
    expect(b.ok && a.ok && b.value === a.value).toBe(true); // the same checked value, not checked again
  });
});

/**
 * `count` subscribers of an `engine.status` stream whose producer is the test: `push` sends a
 * chunk to every one of them, `got[i]` is what subscriber i received.
 */
async function statusStreams(count: number) {
  const { openStream } = await import('./dispatch');
  const handlers = createCannedHandlers();
  const pushers: ((c: unknown) => boolean)[] = [];
  handlers.streams['engine.status'] = (_args, sink) => {
    pushers.push((c) => sink.next(c as never));
    return () => undefined;
  };
  const got: unknown[][] = Array.from({ length: count }, () => []);
  const opened = got.map((into) => openStream(handlers, 'engine.status', {}, { next: (c) => (into.push(c), true), end: () => undefined }, TEST_CALLER));
  return { opened, got, push: (chunk: unknown) => pushers.forEach((push) => push(chunk)) };
}

describe('openStream', () => {
  it('checks chunks as they leave main and drops an off-contract one', async () => {
    const { opened, got, push } = await statusStreams(1);
    expect(opened[0]!.ok).toBe(true);
    push({ state: 'connected' }); // no endpoint, no engine: off-contract
    push({ state: 'connecting', endpoint: null });
    expect(got[0]).toEqual([{ state: 'connecting', endpoint: null }]);
  });

  it('checks a chunk object sent to many streams once, and each stream gets the same checked value', async () => {
    const { got, push } = await statusStreams(2);
    const shared = Object.freeze({ state: 'connecting', endpoint: null });
    push(shared);
    expect(got[0]).toEqual([shared]);
    expect(got[1]![0]).toBe(got[0]![0]); // one check, one checked copy
    expect(Object.isFrozen(got[0]![0])).toBe(true);
    // An off-contract chunk is still dropped on every stream.
    push(Object.freeze({ state: 'connected' }));
    expect(got[0]).toHaveLength(1);
    expect(got[1]).toHaveLength(1);
  });

  it('checks a chunk that is not frozen every time it is sent (its producer may have changed it)', async () => {
    const { got, push } = await statusStreams(1);
    const reused: Record<string, unknown> = { state: 'connecting', endpoint: null };
    push(reused);
    reused.state = 'connected'; // off-contract now (no endpoint, no engine)
    push(reused);
    expect(got[0]).toEqual([{ state: 'connecting', endpoint: null }]);
  });
});
