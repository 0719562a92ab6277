import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createJsonLinesParser, readJsonLines } from './json-lines';

function collect(chunks: (string | Buffer)[]) {
  const values: unknown[] = [];
  const bad: string[] = [];
  const parser = createJsonLinesParser(
    (v) => values.push(v),
    (line) => bad.push(line),
  );
  for (const c of chunks) parser.push(c);
  return { values, bad, parser };
}

const lines = [
  { Type: 'container', Action: 'start', Actor: { ID: 'a1', Attributes: { name: 'wéb-1' } } },
  { Type: 'container', Action: 'die', Actor: { ID: 'b2', Attributes: { name: '数据库' } } },
  { Type: 'volume', Action: 'create', Actor: { ID: 'v' } },
];
const payload = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

describe('createJsonLinesParser', () => {
  it('parses every line whatever the chunk boundaries, even inside a multi-byte character', () => {
    for (let size = 1; size <= 17; size++) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < payload.length; i += size) chunks.push(payload.subarray(i, i + size));
      expect(collect(chunks).values, `chunk size ${size}`).toEqual(lines);
    }
  });

  it('splits several lines arriving in one chunk and waits for the end of a partial one', () => {
    const text = payload.toString();
    const cut = text.indexOf('"die"');
    const { values, parser } = collect([text.slice(0, cut)]);
    expect(values).toEqual([lines[0]]);
    parser.push(text.slice(cut));
    expect(values).toEqual(lines);
  });

  it('emits a last line without a newline at the end, and reports bad lines without stopping', () => {
    const { values, bad, parser } = collect(['{"a":1}\r\nnot json\n\n{"b":', '2}']);
    expect(values).toEqual([{ a: 1 }]);
    parser.end();
    expect(values).toEqual([{ a: 1 }, { b: 2 }]);
    expect(bad).toEqual(['not json']);
  });
});

describe('readJsonLines', () => {
  it('reads a whole stream', async () => {
    const stream = Readable.from([payload.subarray(0, 10), payload.subarray(10)]);
    expect(await readJsonLines(stream)).toEqual(lines);
  });
});
