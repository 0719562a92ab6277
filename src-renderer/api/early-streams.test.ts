import { describe, expect, it } from 'vitest';
import type { StreamEnd } from '../../src-common/contract/index';
import type { ApiClient } from './client';
import { subscribeEarly } from './early-streams';

/** A client that records subscriptions and lets the test push chunks and ends into them. */
function recordingClient() {
  const subs: { stream: string; args: unknown; onChunk: (c: unknown) => void; onEnd?: (e: StreamEnd) => void; closed: boolean }[] = [];
  const api: ApiClient = {
    call: () => Promise.reject(new Error('no calls here')),
    subscribe: (stream, args, onChunk, onEnd) => {
      const sub = { stream, args, onChunk: onChunk as (c: unknown) => void, onEnd, closed: false };
      subs.push(sub);
      return () => void (sub.closed = true);
    },
    open: () => ({ write: () => {}, close: () => {} }),
    onConnectionChange: () => () => {},
  };
  return { api, subs };
}

describe('subscribeEarly', () => {
  it('subscribes at once and hands what arrived meanwhile, in order, to the first subscriber, then what follows', () => {
    const { api, subs } = recordingClient();
    const early = subscribeEarly(api, { 'containers.changes': {}, 'engine.status': {} });
    expect(subs.map((s) => s.stream)).toEqual(['containers.changes', 'engine.status']);
    subs[0]!.onChunk('snapshot');
    subs[0]!.onChunk('change-1');

    const got: unknown[] = [];
    const unsubscribe = early.subscribe('containers.changes', {}, (c) => got.push(c));
    expect(got).toEqual(['snapshot', 'change-1']);
    subs[0]!.onChunk('change-2');
    expect(got).toEqual(['snapshot', 'change-1', 'change-2']);
    // No second subscription to the engine: the early one was taken over.
    expect(subs).toHaveLength(2);
    unsubscribe();
    expect(subs[0]!.closed).toBe(true);
  });

  it('passes on an end that came before the takeover, after the chunks', () => {
    const { api, subs } = recordingClient();
    const early = subscribeEarly(api, { 'engine.status': {} });
    subs[0]!.onChunk('connecting');
    subs[0]!.onEnd?.({ reason: 'error', error: { code: 'internal', message: 'gone' } });
    const seen: string[] = [];
    early.subscribe(
      'engine.status',
      {},
      (c) => seen.push(`chunk ${String(c)}`),
      (e) => seen.push(`end ${e.reason}`),
    );
    expect(seen).toEqual(['chunk connecting', 'end error']);
  });

  it('takes over once: a second subscriber, other args or other streams get subscriptions of their own', () => {
    const { api, subs } = recordingClient();
    const early = subscribeEarly(api, { 'engine.status': {} });
    early.subscribe('engine.status', {}, () => {});
    early.subscribe('engine.status', {}, () => {});
    early.subscribe('containers.changes', {}, () => {});
    expect(subs.map((s) => s.stream)).toEqual(['engine.status', 'engine.status', 'containers.changes']);
  });

  it('does not take over a subscription asked for with different args', () => {
    const { api, subs } = recordingClient();
    const early = subscribeEarly(api, { 'stats.live': { viewId: 'view-aaaaaaaaaaaaaaaa', ids: [], totals: false } });
    early.subscribe('stats.live', { viewId: 'view-bbbbbbbbbbbbbbbb', ids: [], totals: false }, () => {});
    expect(subs).toHaveLength(2);
    expect(subs[1]!.args).toEqual({ viewId: 'view-bbbbbbbbbbbbbbbb', ids: [], totals: false });
  });
});
