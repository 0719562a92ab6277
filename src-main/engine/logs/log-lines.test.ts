import { describe, expect, it } from 'vitest';
import { createFrameDemuxer, type LogStream } from './log-frames';
import { createLineSplitter, splitTimestamp, type LineSplitterOptions } from './log-lines';

type Push = [LogStream, Uint8Array | string];

function run(pushes: Push[], options?: LineSplitterOptions) {
  const calls: [LogStream, string[]][] = [];
  const splitter = createLineSplitter((stream, lines) => calls.push([stream, lines]), options);
  for (const [stream, bytes] of pushes) splitter.push(stream, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
  const beforeFlush = calls.length;
  splitter.flush();
  return { calls, beforeFlush, lines: calls.flatMap(([, l]) => l) };
}

function bytesOneByOne(stream: LogStream, bytes: Uint8Array): Push[] {
  return Array.from(bytes, (b) => [stream, Uint8Array.of(b)] as Push);
}

describe('createLineSplitter', () => {
  it('emits the complete lines of one push in one callback', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const r = run([['stdout', text]]);
    expect(r.calls.length).toBe(1);
    expect(r.calls[0]![0]).toBe('stdout');
    expect(r.calls[0]![1]).toEqual(Array.from({ length: 1000 }, (_, i) => `line ${i}`));
  });

  it('keeps an unfinished line until the rest arrives', () => {
    const r = run([
      ['stdout', 'abc'],
      ['stdout', 'def\nghi'],
      ['stdout', '\n'],
    ]);
    expect(r.calls).toEqual([
      ['stdout', ['abcdef']],
      ['stdout', ['ghi']],
    ]);
  });

  it('sends a last line without a newline only on flush', () => {
    const r = run([['stderr', 'one\ntwo']]);
    expect(r.beforeFlush).toBe(1);
    expect(r.calls).toEqual([
      ['stderr', ['one']],
      ['stderr', ['two']],
    ]);
  });

  it('keeps empty lines', () => {
    expect(run([['stdout', '\n\na\n\n']]).lines).toEqual(['', '', 'a', '']);
  });

  it('drops the \\r of CRLF, also when \\r and \\n arrive apart, and keeps a lone \\r', () => {
    expect(run([['stdout', 'a\r\nb\r\n']]).lines).toEqual(['a', 'b']);
    expect(run([['stdout', 'a\r'], ['stdout', '\nb\r\nc\r']]).lines).toEqual(['a', 'b', 'c']);
    expect(run([['stdout', 'progress 1\rprogress 2\n']]).lines).toEqual(['progress 1\rprogress 2']);
  });

  it('keeps a separate unfinished line per stream', () => {
    const r = run([
      ['stdout', 'out-'],
      ['stderr', 'err-'],
      ['stderr', '1\n'],
      ['stdout', '1\n'],
      ['stdin', 'in\n'],
    ]);
    expect(r.calls).toEqual([
      ['stderr', ['err-1']],
      ['stdout', ['out-1']],
      ['stdin', ['in']],
    ]);
  });

  const unicode = Buffer.from('é世🚢 ship\nnext é\n🚢\n');
  const unicodeLines = ['é世🚢 ship', 'next é', '🚢'];

  it('joins multi-byte characters split at every byte offset', () => {
    for (let cut = 0; cut <= unicode.length; cut++) {
      const r = run([
        ['stdout', unicode.subarray(0, cut)],
        ['stdout', unicode.subarray(cut)],
      ]);
      expect(r.lines, `cut at ${cut}`).toEqual(unicodeLines);
    }
  });

  it('joins multi-byte characters fed one byte at a time', () => {
    expect(run(bytesOneByOne('stdout', unicode)).lines).toEqual(unicodeLines);
  });

  it('turns invalid UTF-8 into U+FFFD without harming later lines', () => {
    const bad = Uint8Array.of(0x61, 0xff, 0x62, 0x0a, 0xe4, 0xb8, 0x0a, 0xc3, 0x28, 0x0a, 0x63, 0x0a, 0xf0, 0x9f);
    const expected = ['a\uFFFDb', '\uFFFD', '\uFFFD(', 'c', '\uFFFD'];
    expect(run([['stdout', bad]]).lines).toEqual(expected);
    expect(run(bytesOneByOne('stdout', bad)).lines).toEqual(expected);
  });

  it('keeps a byte order mark rather than eating it', () => {
    expect(run([['stdout', '\uFEFFfirst\n\uFEFFsecond\n']]).lines).toEqual(['\uFEFFfirst', '\uFEFFsecond']);
  });

  it('cuts a line longer than maxLineBytes into pieces, the same whether it comes whole or byte by byte', () => {
    const text = 'abcdefghijklmnopqrstuvwxy\nz\n';
    const expected = ['abcdefghij', 'klmnopqrst', 'uvwxy', 'z'];
    expect(run([['stdout', text]], { maxLineBytes: 10 }).lines).toEqual(expected);
    expect(run(bytesOneByOne('stdout', Buffer.from(text)), { maxLineBytes: 10 }).lines).toEqual(expected);
  });

  it('cuts a long line only between characters', () => {
    const text = Buffer.from('ééééééé\n'); // 14 bytes before the newline
    const expected = ['éé', 'éé', 'éé', 'é'];
    expect(run([['stdout', text]], { maxLineBytes: 5 }).lines).toEqual(expected);
    expect(run(bytesOneByOne('stdout', text), { maxLineBytes: 5 }).lines).toEqual(expected);
    const ships = Buffer.from('🚢🚢🚢'); // 12 bytes, no newline: pieces come out before flush
    const r = run(bytesOneByOne('stdout', ships), { maxLineBytes: 6 });
    expect(r.lines).toEqual(['🚢', '🚢', '🚢']);
    expect(r.beforeFlush).toBe(2);
  });

  it('emits a never-ending line in 1 MiB pieces by default', () => {
    const MiB = 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pushes: Push[] = Array.from({ length: 40 }, () => ['stdout', chunk] as Push); // 2.5 MiB
    const r = run(pushes);
    expect(r.lines.map((l) => l.length)).toEqual([MiB, MiB, MiB / 2]);
    expect(r.beforeFlush).toBe(2);
    expect(r.lines.every((l) => /^x+$/.test(l))).toBe(true);
  });

  it('reads lines out of frames that split a character between them', () => {
    const frame = (type: number, bytes: number[]) => Buffer.from([type, 0, 0, 0, 0, 0, 0, bytes.length, ...bytes]);
    const ship = [...Buffer.from('🚢')];
    const wire = Buffer.concat([
      frame(1, [0x61, ship[0]!, ship[1]!]),
      frame(2, [...Buffer.from('warn\n')]),
      frame(1, [ship[2]!, ship[3]!, 0x0a, 0x62, 0x0a]),
    ]);
    for (let cut = 0; cut <= wire.length; cut++) {
      const calls: [LogStream, string[]][] = [];
      const splitter = createLineSplitter((s, l) => calls.push([s, l]));
      const demuxer = createFrameDemuxer((s, b) => splitter.push(s, b));
      demuxer.push(wire.subarray(0, cut));
      demuxer.push(wire.subarray(cut));
      demuxer.end();
      splitter.flush();
      expect(calls, `cut at ${cut}`).toEqual([
        ['stderr', ['warn']],
        ['stdout', ['a🚢', 'b']],
      ]);
    }
  });
});

describe('splitTimestamp', () => {
  it('splits the engine timestamp from the text', () => {
    expect(splitTimestamp('2024-05-01T10:00:00.123456789Z hello world')).toEqual({
      ts: '2024-05-01T10:00:00.123456789Z',
      text: 'hello world',
    });
    expect(splitTimestamp('2024-05-01T10:00:00Z  indented')).toEqual({ ts: '2024-05-01T10:00:00Z', text: ' indented' });
    expect(splitTimestamp('2024-05-01T10:00:00.5+02:00 x')).toEqual({ ts: '2024-05-01T10:00:00.5+02:00', text: 'x' });
  });

  it('gives an empty text for a timestamped empty line', () => {
    expect(splitTimestamp('2024-05-01T10:00:00.000000001Z ')).toEqual({ ts: '2024-05-01T10:00:00.000000001Z', text: '' });
    expect(splitTimestamp('2024-05-01T10:00:00.000000001Z')).toEqual({ ts: '2024-05-01T10:00:00.000000001Z', text: '' });
  });

  it('leaves a line without a timestamp alone', () => {
    expect(splitTimestamp('plain line')).toEqual({ ts: null, text: 'plain line' });
    expect(splitTimestamp('2024-05-01 10:00:00 not rfc3339')).toEqual({ ts: null, text: '2024-05-01 10:00:00 not rfc3339' });
    expect(splitTimestamp('2024-05-01T10:00:00.123Zglued')).toEqual({ ts: null, text: '2024-05-01T10:00:00.123Zglued' });
    expect(splitTimestamp('')).toEqual({ ts: null, text: '' });
  });
});
