import type { LogLinesChunk } from './models/logs';

/**
 * Log lines travel as bytes (a binary WebSocket frame, or a Uint8Array over IPC): no
 * UTF-8 decode and JSON encode in main, no JSON parse in the renderer, one TextDecoder
 * call per batch. Layout: [1: version][1: id length][id, ASCII][u32 count]
 * [u32 n][n × u32 stderr ranges][u32 m][m × u32 continued ranges][UTF-8 lines joined by
 * "\n"]. Big-endian. Ranges are [first index, how many] pairs; a "continued" line is the
 * next piece of a line longer than main's limit, which was cut (the view marks it).
 */
const VERSION = 2;

export interface EncodedLines {
  container: string;
  count: number;
  stderr: readonly number[];
  continued?: readonly number[];
  text: Uint8Array;
}

export function encodeLogLines({ container, count, stderr, continued = [], text }: EncodedLines): Uint8Array {
  const id = container.length <= 255 ? container : container.slice(0, 255);
  const head = 2 + id.length + 8 + stderr.length * 4 + 4 + continued.length * 4;
  const out = new Uint8Array(head + text.length);
  const view = new DataView(out.buffer);
  out[0] = VERSION;
  out[1] = id.length;
  for (let i = 0; i < id.length; i++) out[2 + i] = id.charCodeAt(i) & 0x7f;
  let at = 2 + id.length;
  view.setUint32(at, count);
  view.setUint32(at + 4, stderr.length);
  at += 8;
  for (const n of stderr) {
    view.setUint32(at, n);
    at += 4;
  }
  view.setUint32(at, continued.length);
  at += 4;
  for (const n of continued) {
    view.setUint32(at, n);
    at += 4;
  }
  out.set(text, at);
  return out;
}

/** The batch as the view uses it; null when the bytes are not an encoded batch. */
export function decodeLogLines(bytes: Uint8Array, decoder: { decode(b: Uint8Array): string }): LogLinesChunk | null {
  if (bytes.length < 10 || bytes[0] !== VERSION) return null;
  const idLength = bytes[1]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2 + idLength;
  if (bytes.length < at + 8) return null;
  let container = '';
  for (let i = 2; i < at; i++) container += String.fromCharCode(bytes[i]!);
  const count = view.getUint32(at);
  const n = view.getUint32(at + 4);
  at += 8;
  if (count === 0 || bytes.length < at + n * 4) return null;
  const stderr: number[] = [];
  for (let i = 0; i < n; i++, at += 4) stderr.push(view.getUint32(at));
  if (bytes.length < at + 4) return null;
  const m = view.getUint32(at);
  at += 4;
  if (bytes.length < at + m * 4) return null;
  const continued: number[] = [];
  for (let i = 0; i < m; i++, at += 4) continued.push(view.getUint32(at));
  let text = decoder.decode(bytes.subarray(at));
  // TTY output ends its lines with \r\n.
  if (text.includes('\r')) {
    text = text.replace(/\r\n/g, '\n');
    if (text.endsWith('\r')) text = text.slice(0, -1);
  }
  return { kind: 'lines', container, count, text, stderr, ...(continued.length ? { continued } : {}) };
}
