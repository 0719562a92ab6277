import { describe, expect, it } from 'vitest';
import { LogBuffer } from './log-buffer';
import { ViewIndex, type ViewOptions } from './log-view-index';

const TS = '2026-11-23T18:00:00.000000001Z ';
const opts = (query: string, filterOnly = false, hidden: ReadonlySet<number> = new Set()): ViewOptions => ({
  query,
  filterOnly,
  hidden,
});

function bufferOf(lines: string[], cap = 100, sources: number[] = []) {
  const b = new LogBuffer(cap);
  lines.forEach((l, i) => b.push(TS + l, 0, sources[i] ?? 0));
  return b;
}

describe('ViewIndex', () => {
  it('finds the nearest match at or after a line, wrapping to the first, as a browser find does', () => {
    const b = bufferOf(['x', 'a', 'x', 'a', 'x']);
    const v = new ViewIndex();
    v.update(b, opts('x'), b.total, 0);
    expect(v.nearestMatch(0)).toBe(0);
    expect(v.nearestMatch(1)).toBe(1);
    expect(v.nearestMatch(4)).toBe(2);
    expect(v.nearestMatch(5)).toBe(0);
    v.update(b, opts('none'), b.total, 0);
    expect(v.nearestMatch(0)).toBe(-1);
  });

  it('finds matches case-insensitively in the text, not the timestamp', () => {
    const b = bufferOf(['alpha Needle', 'beta', 'needle gamma', '2026']);
    const v = new ViewIndex();
    v.update(b, opts('needle'), b.total, 0);
    expect(v.matches).toEqual([0, 2]);
    v.update(b, opts('2026'), b.total, 0);
    expect(v.matches).toEqual([3]);
  });

  it('matches what is shown: escapes are not part of the text', () => {
    const b = bufferOf(['\u001b[31mred\u001b[0m alert', 'plain']);
    const v = new ViewIndex();
    v.update(b, opts('red alert'), b.total, 0);
    expect(v.matchCount).toBe(1);
    v.update(b, opts('31m'), b.total, 0);
    expect(v.matchCount).toBe(0);
  });

  it('in filter mode shows only matching lines and maps rows to them', () => {
    const b = bufferOf(['a x', 'b', 'c x']);
    const v = new ViewIndex();
    const o = opts('x', true);
    v.update(b, o, b.total, 0);
    expect(v.rowCount(b, b.total)).toBe(2);
    expect([v.seqAt(b, 0), v.seqAt(b, 1)]).toEqual([0, 2]);
    expect(v.rowOf(b, 2)).toBe(1);
    expect(v.rowOf(b, 1)).toBe(-1);
  });

  it('scans only new lines on update and forgets dropped ones', () => {
    const b = bufferOf(['x1', 'y', 'x2'], 3);
    const v = new ViewIndex();
    const o = opts('x');
    v.update(b, o, b.total, 0);
    expect(v.matchCount).toBe(2);
    b.push(`${TS}x3`, 0, 0);
    b.push(`${TS}z`, 0, 0); // drops x1 and y
    v.update(b, o, b.total, 0);
    expect([v.matchCount, v.matchAt(0), v.matchAt(1)]).toEqual([2, 2, 3]);
  });

  it('hides the lines of toggled-off containers', () => {
    const b = bufferOf(['web', 'db', 'web again'], 10, [0, 1, 0]);
    const v = new ViewIndex();
    v.update(b, opts('', false, new Set([1])), b.total, 0);
    expect(v.rowCount(b, b.total)).toBe(2);
    expect(v.seqAt(b, 1)).toBe(2);
  });

  it('stops at the frozen end while paused', () => {
    const b = bufferOf(['1', '2', '3', '4']);
    const v = new ViewIndex();
    v.update(b, opts(''), 2, 0);
    expect(v.rowCount(b, 2)).toBe(2);
  });
});
