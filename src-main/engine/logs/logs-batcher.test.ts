import { describe, expect, it } from 'vitest';
import { decodeLogLines, encodeLogLines } from '../../../src-common/logs-codec';
import { createLineBatcher, type LineBatch } from './logs-batcher';

const enc = (s: string) => Buffer.from(s, 'utf8');
/** A batch as the view sees it: through the wire encoding and back. */
const seen = (b: LineBatch) => {
  const { count, text, stderr } = decodeLogLines(encodeLogLines({ container: 'c', ...b }), new TextDecoder())!;
  return { count, text, stderr, lastLine: b.lastLine };
};

function setup(maxBytes = 64 * 1024, maxLineBytes?: number) {
  const batches: LineBatch[] = [];
  const timers: (() => void)[] = [];
  const batcher = createLineBatcher({
    onBatch: (b) => batches.push(b),
    maxBytes,
    ...(maxLineBytes ? { maxLineBytes } : {}),
    setTimer: (fn) => (timers.push(fn), timers.length),
    clearTimer: () => {},
  });
  const fire = () => {
    const pending = timers.splice(0);
    for (const fn of pending) fn();
  };
  return { batcher, batches, fire, timers };
}

describe('line batcher', () => {
  it('sends the lines of many payloads as one batch when the timer fires', () => {
    const { batcher, batches, fire, timers } = setup();
    batcher.push('stdout', enc('a\nb\n'));
    batcher.push('stdout', enc('c\n'));
    expect(batches).toHaveLength(0);
    expect(timers).toHaveLength(1); // one timer for the whole batch, not one per payload
    fire();
    expect(batches.map(seen)).toEqual([{ count: 3, text: 'a\nb\nc', stderr: [], lastLine: 'c' }]);
  });

  it('sends a batch as soon as it reaches the byte limit', () => {
    const { batcher, batches } = setup(10);
    batcher.push('stdout', enc('12345\n67890\nabc\n'));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.count).toBe(3);
  });

  it('marks stderr lines as [first, count] ranges, merging neighbours', () => {
    const { batcher, batches, fire } = setup();
    batcher.push('stdout', enc('o1\n'));
    batcher.push('stderr', enc('e1\ne2\n'));
    batcher.push('stderr', enc('e3\n'));
    batcher.push('stdout', enc('o2\n'));
    batcher.push('stderr', enc('e4\n'));
    fire();
    expect(seen(batches[0]!)).toMatchObject({ count: 6, text: 'o1\ne1\ne2\ne3\no2\ne4', stderr: [1, 3, 5, 1] });
  });

  it('joins a line and a UTF-8 character split across payloads', () => {
    const { batcher, batches, fire } = setup();
    const bytes = enc('héllo ✓\n');
    batcher.push('stdout', bytes.subarray(0, 2)); // inside "é"
    batcher.push('stdout', bytes.subarray(2, 9)); // inside "✓"
    batcher.push('stdout', bytes.subarray(9));
    fire();
    expect(seen(batches[0]!).text).toBe('héllo ✓');
  });

  it('keeps unfinished lines per stream and sends them at the end', () => {
    const { batcher, batches } = setup();
    batcher.push('stdout', enc('out-'));
    batcher.push('stderr', enc('err-'));
    batcher.push('stdout', enc('done\npartial'));
    batcher.end();
    expect(batches.map(seen)).toEqual([{ count: 3, text: 'out-done\npartial\nerr-', stderr: [2, 1], lastLine: 'err-' }]);
  });

  it('turns invalid UTF-8 into U+FFFD without losing the next line', () => {
    const { batcher, batches, fire } = setup();
    batcher.push('stdout', Buffer.from([0x61, 0xff, 0xc3, 0x0a, 0x62, 0x0a]));
    fire();
    expect(seen(batches[0]!).text).toBe('a\uFFFD\uFFFD\nb');
  });

  it('drops the \\r of \\r\\n endings (TTY output) and keeps empty lines', () => {
    const { batcher, batches, fire } = setup();
    batcher.push('stdout', enc('a\r\n\r\nb\r\n'));
    fire();
    expect(seen(batches[0]!)).toMatchObject({ count: 3, text: 'a\n\nb' });
  });

  it('cuts a line longer than the limit into pieces at character boundaries', () => {
    const { batcher, batches } = setup(1 << 20, 8);
    batcher.push('stdout', enc('ééééééé'));
    batcher.push('stdout', enc('\n'));
    batcher.end();
    const lines = batches.flatMap((b) => seen(b).text.split('\n'));
    expect(lines.join('')).toBe('ééééééé');
    expect(lines.every((l) => Buffer.byteLength(l) <= 8)).toBe(true);
  });

  it('sends nothing after dispose', () => {
    const { batcher, batches, fire } = setup();
    batcher.push('stdout', enc('a\n'));
    batcher.dispose();
    fire();
    batcher.end();
    expect(batches).toHaveLength(0);
  });
});

describe('a line longer than the limit', () => {
  it('is cut into rows and every row after the first is marked as continuing the line before', () => {
    const { batcher, batches } = setup(1024 * 1024, 1000);
    // 5 000 bytes without a newline arrive in pieces, then a short line, on stdout.
    for (let i = 0; i < 5; i++) batcher.push('stdout', enc('x'.repeat(1000)));
    batcher.push('stdout', enc('\nshort\n'));
    batcher.end();
    const all = batches.map((b) => decodeLogLines(encodeLogLines({ container: 'c', ...b }), new TextDecoder())!);
    const rows = all.flatMap((b) => b.text.split('\n'));
    const continued = all.flatMap((b, n) => {
      const before = all.slice(0, n).reduce((sum, x) => sum + x.count, 0);
      const ranges = b.continued ?? [];
      const out: number[] = [];
      for (let r = 0; r < ranges.length; r += 2) for (let k = 0; k < ranges[r + 1]!; k++) out.push(before + ranges[r]! + k);
      return out;
    });
    expect(rows.join('')).toBe('x'.repeat(5000) + 'short'); // nothing lost
    expect(rows.at(-1)).toBe('short');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    // Every piece of the long line but the first continues the one before; "short" does not.
    expect(continued).toEqual(Array.from({ length: rows.length - 2 }, (_, i) => i + 1));
  });
});
