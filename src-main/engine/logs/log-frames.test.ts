import { describe, expect, it } from 'vitest';
import { createFrameDemuxer, createRawReader, type FrameDemuxerOptions, type LogStream } from './log-frames';

const TYPE: Record<LogStream, number> = { stdin: 0, stdout: 1, stderr: 2 };

function frame(stream: LogStream, payload: Uint8Array | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.from(payload);
  const header = Buffer.alloc(8);
  header[0] = TYPE[stream];
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

type Delivery = [LogStream, string];

function demux(chunks: Uint8Array[], options?: FrameDemuxerOptions) {
  const out: Delivery[] = [];
  const views: Uint8Array[] = [];
  const demuxer = createFrameDemuxer((stream, bytes) => {
    out.push([stream, Buffer.from(bytes).toString('hex')]);
    views.push(bytes);
  }, options);
  for (const c of chunks) demuxer.push(c);
  const { trailingBytes } = demuxer.end();
  return { out, views, trailingBytes, mode: demuxer.mode() };
}

const hex = (s: string | Uint8Array) => Buffer.from(s).toString('hex');

function splitAt(buf: Uint8Array, cuts: number[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, buf.length]) {
    parts.push(buf.subarray(from, cut));
    from = cut;
  }
  return parts;
}

// Seeded so a failure can be replayed.
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const long = 'x'.repeat(300); // length needs two bytes of the header
const frames: [LogStream, string][] = [
  ['stdout', 'hello\n'],
  ['stderr', 'oops\n'],
  ['stdout', ''],
  ['stdin', 'typed'],
  ['stdout', long],
  ['stderr', 'é世🚢\n'],
  ['stdout', 'bye\n'],
];
const wire = Buffer.concat(frames.map(([s, p]) => frame(s, p)));
const expected: Delivery[] = frames.filter(([, p]) => p !== '').map(([s, p]) => [s, hex(p)]);

describe('createFrameDemuxer', () => {
  it('hands out each payload in order, with its stream, from one chunk', () => {
    const r = demux([wire]);
    expect(r.out).toEqual(expected);
    expect(r.trailingBytes).toBe(0);
    expect(r.mode).toBe('framed');
  });

  it('gives views into the chunk, not copies, for frames inside one chunk', () => {
    const r = demux([wire]);
    for (const view of r.views) expect(view.buffer).toBe(wire.buffer);
  });

  it('gives the same payloads whatever the split point of two chunks', () => {
    for (let cut = 0; cut <= wire.length; cut++) {
      expect(demux(splitAt(wire, [cut])).out, `cut at ${cut}`).toEqual(expected);
    }
  });

  it('gives the same payloads from 1-byte chunks', () => {
    const r = demux(splitAt(wire, Array.from({ length: wire.length - 1 }, (_, i) => i + 1)));
    expect(r.out).toEqual(expected);
    expect(r.trailingBytes).toBe(0);
  });

  it('gives the same payloads from random splits (seeded)', () => {
    const random = mulberry32(20240501);
    for (let round = 0; round < 300; round++) {
      const count = 1 + Math.floor(random() * 12);
      const cuts = Array.from({ length: count }, () => Math.floor(random() * (wire.length + 1))).sort((a, b) => a - b);
      expect(demux(splitAt(wire, cuts)).out, `cuts ${cuts.join(',')}`).toEqual(expected);
    }
  });

  it('joins a header split across chunks at every position', () => {
    const one = frame('stderr', 'split header');
    for (let cut = 1; cut < 8; cut++) {
      const r = demux(splitAt(one, [cut]));
      expect(r.out).toEqual([['stderr', hex('split header')]]);
    }
  });

  it('skips zero-length frames, even back to back', () => {
    const buf = Buffer.concat([frame('stdout', ''), frame('stderr', ''), frame('stdout', 'a'), frame('stdout', '')]);
    expect(demux([buf]).out).toEqual([['stdout', hex('a')]]);
    expect(demux(splitAt(buf, [3, 8, 12, 17])).out).toEqual([['stdout', hex('a')]]);
  });

  it('joins a 1 MiB frame that arrives in 64 KiB chunks into one payload', () => {
    const payload = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < payload.length; i++) payload[i] = i % 251;
    const buf = Buffer.concat([frame('stdout', payload), frame('stderr', 'after\n')]);
    const cuts: number[] = [];
    for (let at = 65536; at < buf.length; at += 65536) cuts.push(at);
    const r = demux(splitAt(buf, cuts));
    expect(r.out).toEqual([
      ['stdout', payload.toString('hex')],
      ['stderr', hex('after\n')],
    ]);
  });

  it('hands out a frame above maxJoinBytes piece by piece, as views, without joining', () => {
    const payload = Buffer.from('0123456789'.repeat(10));
    const buf = frame('stdout', payload);
    const r = demux(splitAt(buf, [30, 70]), { maxJoinBytes: 50 });
    expect(r.out).toEqual([
      ['stdout', hex(payload.subarray(0, 22))],
      ['stdout', hex(payload.subarray(22, 62))],
      ['stdout', hex(payload.subarray(62))],
    ]);
    for (const view of r.views) expect(view.buffer).toBe(buf.buffer);
  });

  it('keeps stdout and stderr interleaving in the order of the wire', () => {
    const seq: [LogStream, string][] = Array.from({ length: 50 }, (_, i) => [i % 3 === 0 ? 'stderr' : 'stdout', `line ${i}\n`]);
    const buf = Buffer.concat(seq.map(([s, p]) => frame(s, p)));
    expect(demux(splitAt(buf, [7, 100, 101, 333])).out).toEqual(seq.map(([s, p]) => [s, hex(p)]));
  });

  it('switches to raw mode on a bad stream type, delivering every byte as stdout', () => {
    const rest = Buffer.from('\x05 not a header, more text\n');
    const buf = Buffer.concat([frame('stderr', 'ok\n'), rest]);
    for (let cut = 0; cut <= buf.length; cut++) {
      const r = demux(splitAt(buf, [cut]));
      expect(r.mode).toBe('raw');
      expect(r.out[0]).toEqual(['stderr', hex('ok\n')]);
      const raw = r.out.slice(1);
      expect(raw.every(([s]) => s === 'stdout')).toBe(true);
      expect(raw.map(([, h]) => h).join('')).toBe(rest.toString('hex'));
      expect(r.trailingBytes).toBe(0);
    }
  });

  it('switches to raw mode on non-zero padding, keeping the header bytes already seen', () => {
    const bad = Buffer.from([1, 0, 7, 0, 0, 0, 0, 3, 0x61, 0x62, 0x63]);
    for (let cut = 0; cut <= bad.length; cut++) {
      const r = demux(splitAt(bad, [cut]));
      expect(r.mode).toBe('raw');
      expect(r.out.map(([, h]) => h).join('')).toBe(bad.toString('hex'));
    }
  });

  it('reads a TTY log mistaken for framed as raw text from its first byte', () => {
    const text = 'hello from a tty\r\n';
    const r = demux([Buffer.from(text.slice(0, 4)), Buffer.from(text.slice(4))]);
    expect(r.mode).toBe('raw');
    expect(r.out).toEqual([
      ['stdout', hex('hell')],
      ['stdout', hex('o from a tty\r\n')],
    ]);
  });

  it('never throws on random garbage and loses no byte once raw', () => {
    const random = mulberry32(7);
    for (let round = 0; round < 200; round++) {
      const garbage = Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256)));
      garbage[0] = 3 + Math.floor(random() * 253);
      const r = demux(splitAt(garbage, [Math.floor(random() * 65)]));
      expect(r.mode).toBe('raw');
      expect(r.out.map(([, h]) => h).join('')).toBe(garbage.toString('hex'));
    }
  });

  it('delivers what came of a cut-short frame at end and counts its bytes', () => {
    const buf = Buffer.concat([frame('stdout', 'whole\n'), frame('stderr', 'cut short')]);
    const r = demux([buf.subarray(0, buf.length - 3)]);
    expect(r.out).toEqual([
      ['stdout', hex('whole\n')],
      ['stderr', hex('cut sh')],
    ]);
    expect(r.trailingBytes).toBe(8 + 6);
  });

  it('counts a partial header at end without delivering it', () => {
    const r = demux([Buffer.concat([frame('stdout', 'a'), Buffer.from([2, 0, 0])])]);
    expect(r.out).toEqual([['stdout', hex('a')]]);
    expect(r.trailingBytes).toBe(3);
    expect(r.mode).toBe('framed');
  });
});

describe('createRawReader', () => {
  it('passes every chunk through as stdout, untouched and uncopied', () => {
    const chunks = [Buffer.from([1, 0, 0, 0, 0, 0, 0, 2]), Buffer.from('plain\n')];
    const got: [LogStream, Uint8Array][] = [];
    const reader = createRawReader((s, b) => got.push([s, b]));
    for (const c of chunks) reader.push(c);
    expect(reader.end()).toEqual({ trailingBytes: 0 });
    expect(reader.mode()).toBe('raw');
    expect(got.map(([s, b]) => [s, hex(b)])).toEqual(chunks.map((c) => ['stdout', hex(c)]));
    expect(got[0]![1]).toBe(chunks[0]);
  });
});
