import { describe, expect, it } from 'vitest';
import { createLogHistoryWindow } from './log-history-window';
import type { LineBatch } from './logs-batcher';

const batch = (first: number, count: number): LineBatch => {
  const lines = Array.from({ length: count }, (_, i) => `line ${first + i}`);
  return { count, text: new TextEncoder().encode(lines.join('\n')), stderr: [], lastLine: lines.at(-1)! };
};
const linesOf = (batches: LineBatch[]) => batches.flatMap((b) => new TextDecoder().decode(b.text).split('\n'));

describe('log history window', () => {
  it('keeps the newest lines, evicting whole batches, and counts the rest as skipped', () => {
    const w = createLogHistoryWindow(10);
    for (let i = 0; i < 10; i++) w.add(batch(i * 4, 4));
    // 40 lines in batches of 4: the newest 12 (3 batches) cover 10; 28 were evicted.
    expect(w.takeSkipped()).toBe(28);
    expect(w.takeSkipped()).toBe(0);
    const kept = linesOf(w.drain());
    expect(kept).toHaveLength(12);
    expect(kept[0]).toBe('line 28');
    expect(kept.at(-1)).toBe('line 39');
    expect(w.drain()).toEqual([]);
  });

  it('keeps everything when the history is shorter than the limit', () => {
    const w = createLogHistoryWindow(100);
    w.add(batch(0, 30));
    w.add(batch(30, 30));
    expect(w.takeSkipped()).toBe(0);
    expect(linesOf(w.drain())).toHaveLength(60);
  });

  it('always keeps the newest batch, even when it alone is over the limit', () => {
    const w = createLogHistoryWindow(5);
    w.add(batch(0, 3));
    w.add(batch(3, 50));
    expect(w.takeSkipped()).toBe(3);
    expect(linesOf(w.drain())[0]).toBe('line 3');
  });

  it('evicts by bytes too, so giant lines cannot fill main', () => {
    const w = createLogHistoryWindow(1_000, 100);
    for (let i = 0; i < 50; i++) w.add(batch(i, 1));
    const kept = w.drain();
    expect(kept.reduce((n, b) => n + b.text.length, 0)).toBeLessThanOrEqual(100);
    expect(linesOf(kept).at(-1)).toBe('line 49');
  });

  it('compacts its array as it evicts, keeping order across many batches', () => {
    const w = createLogHistoryWindow(2_000);
    for (let i = 0; i < 10_000; i++) w.add(batch(i, 1));
    expect(w.takeSkipped()).toBe(8_000);
    const kept = linesOf(w.drain());
    expect(kept).toHaveLength(2_000);
    expect(kept[0]).toBe('line 8000');
    expect(kept[1999]).toBe('line 9999');
  });
});
