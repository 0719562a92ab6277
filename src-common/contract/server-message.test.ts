import { describe, expect, it } from 'vitest';
import { readApiErrorShape } from './api-error';
import { ApiErrorShape } from './errors';
import { readServerMessage } from './server-message';
import { ServerMessage } from './wire';

/** Every combination of the given values for each key (a key whose value is `absent` is left out). */
const absent = Symbol('absent');
function* combinations(choices: Record<string, unknown[]>): Generator<Record<string, unknown>> {
  const keys = Object.keys(choices);
  const pick = function* (i: number, acc: Record<string, unknown>): Generator<Record<string, unknown>> {
    if (i === keys.length) return yield { ...acc };
    const key = keys[i]!;
    for (const value of choices[key]!) {
      const next = { ...acc };
      if (value !== absent) next[key] = value;
      yield* pick(i + 1, next);
    }
  };
  yield* pick(0, {});
}

const errors = [
  absent,
  null,
  'boom',
  [],
  { code: 'not-found', message: 'No such container: web' },
  { code: 'conflict', message: 'in use', object: 'container web', field: 'form.name', extra: 1 },
  { code: 'not-a-code', message: 'x' },
  { code: 'internal' },
  { code: 'internal', message: 'x', object: 5 },
  { code: 'internal', message: 'x', field: null },
];
const ends = [
  absent,
  {},
  { reason: 'complete' },
  { reason: 'cancelled', extra: true },
  { reason: 'error', error: { code: 'engine-error', message: 'gone', object: 'container web' } },
  { reason: 'error', error: { code: 'anything', message: 'gone' } },
  { reason: 'error', error: { code: 'x' } },
  { reason: 'error', error: 'gone' },
  { reason: 'done' },
];

describe('readServerMessage', () => {
  it('accepts and returns what the ServerMessage schema does, for every mix of good and bad fields', () => {
    let accepted = 0;
    let checked = 0;
    for (const message of combinations({
      t: [absent, 'ready', 'refused', 'result', 'data', 'end', 'call', 7],
      id: [absent, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, '3'],
      ok: [absent, true, false, 'true'],
      value: [absent, { rows: [1, 2] }],
      chunk: [absent, 'text'],
      error: errors,
      end: ends,
    })) {
      const expected = ServerMessage.safeParse(message);
      expect(readServerMessage(message), JSON.stringify(message)).toEqual(expected.success ? expected.data : null);
      if (expected.success) accepted++;
      checked++;
    }
    // The corpus holds both kinds in numbers, so agreement is not agreement on "no".
    expect(checked).toBeGreaterThan(50_000);
    expect(accepted).toBeGreaterThan(5_000);
  });

  it('refuses what is not an object', () => {
    for (const value of [undefined, null, 'ready', 5, [], [{ t: 'ready' }]]) {
      expect(readServerMessage(value)).toBeNull();
      expect(ServerMessage.safeParse(value).success).toBe(false);
    }
  });
});

describe('readApiErrorShape', () => {
  it('agrees with the ApiErrorShape schema', () => {
    for (const value of errors) {
      const expected = ApiErrorShape.safeParse(value === absent ? undefined : value);
      expect(readApiErrorShape(value === absent ? undefined : value)).toEqual(expected.success ? expected.data : null);
    }
  });
});
