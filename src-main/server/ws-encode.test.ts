import { describe, expect, it, vi } from 'vitest';
import { encodeCallResult, encodeStreamData, SHARED_BYTES_FROM, SharedTextMessage, type EncodedMessage } from './ws-encode';

const parse = (message: EncodedMessage) => JSON.parse(message.toString()) as unknown;

/** An answer whose JSON is past SHARED_BYTES_FROM, non-ASCII text included (its bytes are UTF-8). */
const largeAnswer = () => ({
  containers: Array.from({ length: Math.ceil(SHARED_BYTES_FROM / 20) }, (_, i) => ({ id: String(i), name: `wéb-${i}-✓` })),
});

describe('encodeCallResult', () => {
  it('encodes the same message JSON.stringify would', () => {
    const value = { items: [{ id: 'a', names: ['x'] }], n: 1 };
    expect(parse(encodeCallResult(7, { ok: true, value }))).toEqual({ t: 'result', id: 7, ok: true, value });
    expect(parse(encodeCallResult(8, { ok: true, value: 'text' }))).toEqual({ t: 'result', id: 8, ok: true, value: 'text' });
    expect(parse(encodeCallResult(9, { ok: true, value: null }))).toEqual({ t: 'result', id: 9, ok: true, value: null });
    const error = { code: 'not-found', message: 'No such container: x' } as const;
    expect(parse(encodeCallResult(10, { ok: false, error }))).toEqual({ t: 'result', id: 10, ok: false, error });
  });

  it('keeps small answers as one string', () => {
    expect(typeof encodeCallResult(1, { ok: true, value: [{ id: 'a' }] })).toBe('string');
  });

  it('sends a large answer as its UTF-8 bytes between a head and a tail of its own', () => {
    const value = largeAnswer();
    const message = encodeCallResult(3, { ok: true, value });
    expect(message).toBeInstanceOf(SharedTextMessage);
    const shared = message as SharedTextMessage;
    expect(parse(shared)).toEqual({ t: 'result', id: 3, ok: true, value });
    expect(shared.byteLength).toBe(Buffer.byteLength(shared.toString()));
    expect(Buffer.concat([Buffer.from(shared.head), shared.body, Buffer.from(shared.tail)]).toString('utf8')).toBe(shared.toString());
  });

  it('encodes one shared answer once, into one Buffer every caller sends', () => {
    const shared = largeAnswer();
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const first = encodeCallResult(1, { ok: true, value: shared });
      const second = encodeCallResult(2, { ok: true, value: shared });
      if (!(first instanceof SharedTextMessage) || !(second instanceof SharedTextMessage)) throw new Error('not sent as shared bytes');
      const encodingsOfShared = stringify.mock.calls.filter(([v]) => v === shared).length;
      expect(encodingsOfShared).toBe(1);
      expect(second.body).toBe(first.body);
      expect(parse(second)).toEqual({ ...(parse(first) as object), id: 2 });
    } finally {
      stringify.mockRestore();
    }
  });

  it('encodes a small shared answer once too', () => {
    const shared = { n: 1 };
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      encodeCallResult(1, { ok: true, value: shared });
      encodeCallResult(2, { ok: true, value: shared });
      expect(stringify.mock.calls.filter(([v]) => v === shared).length).toBe(1);
    } finally {
      stringify.mockRestore();
    }
  });
});

describe('encodeStreamData', () => {
  it('encodes the same message JSON.stringify would, for objects and plain values', () => {
    const chunk = { kind: 'upsert', container: { id: 'a', name: 'wéb' } };
    expect(parse(encodeStreamData(4, chunk))).toEqual({ t: 'data', id: 4, chunk });
    expect(parse(encodeStreamData(5, 'line'))).toEqual({ t: 'data', id: 5, chunk: 'line' });
    expect(parse(encodeStreamData(6, null))).toEqual({ t: 'data', id: 6, chunk: null });
  });

  it('encodes a frozen snapshot sent to many sockets once, into one Buffer every socket sends', () => {
    const snapshot = Object.freeze(largeAnswer());
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const first = encodeStreamData(1, snapshot);
      const second = encodeStreamData(9, snapshot);
      if (!(first instanceof SharedTextMessage) || !(second instanceof SharedTextMessage)) throw new Error('not sent as shared bytes');
      expect(stringify.mock.calls.filter(([v]) => v === snapshot).length).toBe(1);
      expect(second.body).toBe(first.body);
      expect(parse(second)).toEqual({ t: 'data', id: 9, chunk: snapshot });
    } finally {
      stringify.mockRestore();
    }
  });

  it('encodes a chunk that is not frozen anew each time (its producer may have changed it)', () => {
    const chunk: Record<string, unknown> = { n: 1 };
    expect(parse(encodeStreamData(1, chunk))).toEqual({ t: 'data', id: 1, chunk: { n: 1 } });
    chunk.n = 2;
    expect(parse(encodeStreamData(2, chunk))).toEqual({ t: 'data', id: 2, chunk: { n: 2 } });
  });
});
