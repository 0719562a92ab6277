import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHECK_SLICE_ITEMS, checkResponse } from './response-check';

const Item = z.object({ id: z.string(), size: z.number().default(0) });
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}` }));

describe('checkResponse', () => {
  it('gives a long list the value one check of the whole would give', async () => {
    const value = items(CHECK_SLICE_ITEMS * 3 + 7);
    const checked = await checkResponse(z.array(Item), value);
    expect(checked).toEqual({ ok: true, value: z.array(Item).parse(value) });
  });

  it('names an off-contract item of a long list by its index in the whole list', async () => {
    const value: unknown[] = items(CHECK_SLICE_ITEMS * 3);
    const bad = CHECK_SLICE_ITEMS * 2 + 5;
    value[bad] = { id: 7 };
    const checked = await checkResponse(z.array(Item), value);
    const whole = z.array(Item).safeParse(value);
    expect(whole.success).toBe(false);
    expect(checked).toEqual({ ok: false, issues: whole.error?.issues });
    expect(!checked.ok && checked.issues[0]?.path).toEqual([bad, 'id']);
  });

  it('checks a long list a slice per turn, so other work runs before it is done', async () => {
    let done = false;
    const check = checkResponse(z.array(Item), items(CHECK_SLICE_ITEMS * 4)).then(() => (done = true));
    const doneAtNextTurn = await new Promise<boolean>((resolve) => setImmediate(() => resolve(done)));
    expect(doneAtNextTurn).toBe(false);
    await check;
    expect(done).toBe(true);
  });

  it('checks an answer shared by many callers once', async () => {
    let seen = 0;
    const Counted = z.array(Item.refine(() => ++seen > 0));
    const shared = items(CHECK_SLICE_ITEMS + 1);
    const [a, b] = await Promise.all([checkResponse(Counted, shared), checkResponse(Counted, shared)]);
    const c = await checkResponse(Counted, shared);
    expect(seen).toBe(shared.length);
    expect(a.ok && b.ok && c.ok && a.value === b.value && b.value === c.value).toBe(true);
  });

  it('checks a list with rules about its length as a whole', async () => {
    const checked = await checkResponse(z.array(Item).max(CHECK_SLICE_ITEMS), items(CHECK_SLICE_ITEMS + 1));
    expect(checked).toMatchObject({ ok: false, issues: [{ code: 'too_big', path: [] }] });
  });

  it('checks values that are not objects each time', async () => {
    expect(await checkResponse(z.null(), null)).toEqual({ ok: true, value: null });
    expect(await checkResponse(z.string(), 5)).toMatchObject({ ok: false });
  });
});
