import { describe, expect, it, vi } from 'vitest';
import { encodeCallResult } from './ws-encode';

describe('encodeCallResult', () => {
  it('encodes the same message JSON.stringify would', () => {
    const value = { items: [{ id: 'a', names: ['x'] }], n: 1 };
    expect(JSON.parse(encodeCallResult(7, { ok: true, value }))).toEqual({ t: 'result', id: 7, ok: true, value });
    expect(JSON.parse(encodeCallResult(8, { ok: true, value: 'text' }))).toEqual({ t: 'result', id: 8, ok: true, value: 'text' });
    expect(JSON.parse(encodeCallResult(9, { ok: true, value: null }))).toEqual({ t: 'result', id: 9, ok: true, value: null });
    const error = { code: 'not-found', message: 'No such container: x' } as const;
    expect(JSON.parse(encodeCallResult(10, { ok: false, error }))).toEqual({ t: 'result', id: 10, ok: false, error });
  });

  it('encodes one shared answer once for every caller that receives it', () => {
    const shared = { containers: Array.from({ length: 100 }, (_, i) => ({ id: String(i) })) };
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const first = encodeCallResult(1, { ok: true, value: shared });
      const second = encodeCallResult(2, { ok: true, value: shared });
      const encodingsOfShared = stringify.mock.calls.filter(([v]) => v === shared).length;
      expect(encodingsOfShared).toBe(1);
      expect(JSON.parse(second)).toEqual({ ...JSON.parse(first), id: 2 });
    } finally {
      stringify.mockRestore();
    }
  });
});
