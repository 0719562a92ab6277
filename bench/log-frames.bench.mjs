// Log demultiplexing throughput: Berth's frame demuxer + line splitter against
// docker-modem's demuxStream, on 1,000,000 framed lines of about 100 bytes.
// Run: node bench/log-frames.bench.mjs   (add --expose-gc for steadier numbers: it
// collects garbage between runs; RUNS=5 for more runs)
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { PassThrough, Readable } from 'node:stream';
import { setImmediate } from 'node:timers';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

const LINES = 1_000_000;
const CHUNK_BYTES = 64 * 1024;
const RUNS = Number(process.env.RUNS ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));
const print = (text) => process.stdout.write(`${text}\n`);

async function loadBerth() {
  const dir = mkdtempSync(join(tmpdir(), 'berth-log-bench-'));
  const outfile = join(dir, 'log-demux.mjs');
  await build({
    stdin: {
      contents: "export * from './src-main/engine/logs/log-frames';\nexport * from './src-main/engine/logs/log-lines';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  const mod = await import(pathToFileURL(outfile).href);
  rmSync(dir, { recursive: true, force: true });
  return mod;
}

/** 1M frames, one line each, about 100 bytes of payload, one in four on stderr. */
function makeWire() {
  const frames = [];
  let total = 0;
  for (let i = 0; i < LINES; i++) {
    const stream = i % 4 === 3 ? 2 : 1;
    const text = `2024-05-01T10:00:00.${String(i).padStart(9, '0')}Z ${stream === 2 ? 'WARN' : 'INFO'} request ${i} served in ${i % 997} ms path=/api/v1/items\n`;
    const body = Buffer.from(text);
    const header = Buffer.alloc(8);
    header[0] = stream;
    header.writeUInt32BE(body.length, 4);
    frames.push(header, body);
    total += 8 + body.length;
  }
  const wire = Buffer.concat(frames, total);
  const chunks = [];
  for (let at = 0; at < wire.length; at += CHUNK_BYTES) chunks.push(wire.subarray(at, at + CHUNK_BYTES));
  return { wire, chunks };
}

function countNewlines(bytes) {
  let n = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) n++;
  return n;
}

// Each generated frame holds exactly one line, so counting payloads counts lines.
function berthDemuxOnly(berth, chunks) {
  let lines = 0;
  const demuxer = berth.createFrameDemuxer(() => {
    lines++;
  });
  for (const c of chunks) demuxer.push(c);
  demuxer.end();
  return lines;
}

function berthLines(berth, chunks) {
  let lines = 0;
  const splitter = berth.createLineSplitter((_stream, batch) => {
    lines += batch.length;
  });
  const demuxer = berth.createFrameDemuxer((stream, bytes) => splitter.push(stream, bytes));
  for (const c of chunks) demuxer.push(c);
  demuxer.end();
  splitter.flush();
  return lines;
}

function modemDemux(demuxStream, chunks) {
  return new Promise((resolve, reject) => {
    let lines = 0;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const count = (bytes) => (lines += countNewlines(bytes));
    stdout.on('data', count);
    stderr.on('data', count);
    const source = Readable.from(chunks, { objectMode: false });
    source.on('error', reject);
    source.on('end', () => setImmediate(() => resolve(lines)));
    demuxStream.call(null, source, stdout, stderr);
  });
}

async function time(label, bytes, fn) {
  const ms = [];
  for (let run = 0; run < RUNS; run++) {
    globalThis.gc?.();
    const started = performance.now();
    const lines = await fn();
    ms.push(performance.now() - started);
    if (lines !== LINES) throw new Error(`${label}: counted ${lines} lines, expected ${LINES}`);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(RUNS / 2)];
  return { label, median, runs: ms, mbPerSec: bytes / 1e6 / (median / 1000) };
}

const berth = await loadBerth();
const { demuxStream } = createRequire(import.meta.url)('docker-modem/lib/modem').prototype;
const { wire, chunks } = makeWire();
print(`${LINES.toLocaleString('en')} framed lines, ${(wire.length / 1e6).toFixed(1)} MB in ${chunks.length} chunks of 64 KiB; ${RUNS} runs, median`);

const results = [
  await time('berth demuxer only', wire.length, () => berthDemuxOnly(berth, chunks)),
  await time('berth demuxer + line splitter', wire.length, () => berthLines(berth, chunks)),
  await time('docker-modem demuxStream', wire.length, () => modemDemux(demuxStream, chunks)),
];
const modem = results[results.length - 1];
print('');
print(`| ${'what'.padEnd(30)} | ${'median ms'.padStart(9)} | ${'MB/s'.padStart(7)} | ${'vs modem'.padStart(8)} | runs (ms)`);
print(`|${'-'.repeat(32)}|${'-'.repeat(11)}|${'-'.repeat(9)}|${'-'.repeat(10)}|----------`);
for (const r of results) {
  const ratio = `${(modem.median / r.median).toFixed(1)}x`;
  print(
    `| ${r.label.padEnd(30)} | ${r.median.toFixed(0).padStart(9)} | ${r.mbPerSec.toFixed(0).padStart(7)} | ${ratio.padStart(8)} | ${r.runs.map((m) => m.toFixed(0)).join(', ')}`,
  );
}
