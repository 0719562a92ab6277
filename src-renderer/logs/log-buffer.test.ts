import { describe, expect, it } from 'vitest';
import { LogBuffer, STDERR, textStart, timestampOf } from './log-buffer';

const fill = (b: LogBuffer, n: number, from = 0) => {
  for (let i = from; i < from + n; i++) b.push(`line ${i}`, i % 2 ? STDERR : 0, i % 3);
};

describe('LogBuffer', () => {
  it('keeps lines in order with their flags and sources', () => {
    const b = new LogBuffer(10);
    fill(b, 4);
    expect(b.length).toBe(4);
    expect([b.first, b.total]).toEqual([0, 4]);
    expect([0, 1, 2, 3].map((s) => b.line(s))).toEqual(['line 0', 'line 1', 'line 2', 'line 3']);
    expect(b.flagsOf(1)).toBe(STDERR);
    expect(b.sourceOf(2)).toBe(2);
  });

  it('drops the oldest lines past its capacity and counts them', () => {
    const b = new LogBuffer(3);
    fill(b, 7);
    expect(b.length).toBe(3);
    expect(b.dropped).toBe(4);
    expect(b.first).toBe(4);
    expect([4, 5, 6].map((s) => b.line(s))).toEqual(['line 4', 'line 5', 'line 6']);
    expect(b.has(3)).toBe(false);
    expect(b.flagsOf(5)).toBe(STDERR);
  });

  it('keeps the newest lines when the capacity shrinks, and grows without loss', () => {
    const b = new LogBuffer(5);
    fill(b, 5);
    b.setCapacity(2);
    expect([b.first, b.length, b.dropped]).toEqual([3, 2, 3]);
    expect(b.line(4)).toBe('line 4');
    b.setCapacity(4);
    fill(b, 2, 5);
    expect([b.first, b.length]).toEqual([3, 4]);
    expect([3, 4, 5, 6].map((s) => b.line(s))).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    expect(b.sourceOf(6)).toBe(0);
  });

  it('clear empties the buffer and restarts numbering', () => {
    const b = new LogBuffer(3);
    fill(b, 5);
    b.clear();
    expect([b.length, b.total, b.dropped]).toEqual([0, 0, 0]);
    b.push('again', 0, 0);
    expect(b.line(0)).toBe('again');
  });
});

describe('timestamps of stored lines', () => {
  it('finds where the text starts after the engine timestamp', () => {
    const line = '2026-11-23T18:03:47.123456789Z hello world';
    expect(line.slice(textStart(line))).toBe('hello world');
    expect(timestampOf(line)).toBe('2026-11-23T18:03:47.123456789Z');
    expect(textStart('2026-11-23T18:03:47Z ')).toBe(21);
  });

  it('leaves lines without a timestamp whole', () => {
    expect(textStart('hello world, no stamp here')).toBe(0);
    expect(timestampOf('short')).toBe('');
  });
});
