import { describe, expect, it } from 'vitest';
import { decodeLogLines, encodeLogLines } from './logs-codec';

const decoder = new TextDecoder();

describe('log lines codec', () => {
  it('round-trips a batch: container, count, stderr ranges and UTF-8 text', () => {
    const text = new TextEncoder().encode('héllo\n✓ ok\n');
    const bytes = encodeLogLines({ container: 'a'.repeat(64), count: 3, stderr: [1, 2], text });
    expect(decodeLogLines(bytes, decoder)).toEqual({ kind: 'lines', container: 'a'.repeat(64), count: 3, text: 'héllo\n✓ ok\n', stderr: [1, 2] });
  });

  it('drops the \\r of \\r\\n line ends, and invalid UTF-8 becomes U+FFFD', () => {
    const text = Uint8Array.from([0x61, 0x0d, 0x0a, 0xff, 0x0d]);
    expect(decodeLogLines(encodeLogLines({ container: 'c', count: 2, stderr: [], text }), decoder)?.text).toBe('a\n\uFFFD');
  });

  it('refuses bytes that are not an encoded batch', () => {
    expect(decodeLogLines(new Uint8Array([9, 9, 9]), decoder)).toBeNull();
    expect(decodeLogLines(Uint8Array.from([1, 1, 99, 0, 0, 0, 1, 0, 0, 0, 5]), decoder)).toBeNull();
  });
});

describe('continued lines', () => {
  it('carries the ranges of lines that continue the line before', () => {
    const text = new TextEncoder().encode('aaa\nbbb\nccc\nd');
    const bytes = encodeLogLines({ container: 'c', count: 4, stderr: [0, 1], continued: [1, 2], text });
    expect(decodeLogLines(bytes, new TextDecoder())).toEqual({
      kind: 'lines',
      container: 'c',
      count: 4,
      text: 'aaa\nbbb\nccc\nd',
      stderr: [0, 1],
      continued: [1, 2],
    });
  });
});
