import { describe, expect, it } from 'vitest';
import { chunkWeight, createFlowWindow, FLOW_HIGH_WATER } from './flow';
import { BINARY_HEADER_BYTES, BinaryKind, decodeBinaryFrame, encodeBinaryFrame } from './wire';

describe('flow window', () => {
  it('says "behind" once the unacknowledged backlog passes the high-water mark, and resumes under the low one', () => {
    const w = createFlowWindow(100, 40);
    expect(w.sent(60)).toBe(true);
    expect(w.sent(30)).toBe(true);
    expect(w.sent(30)).toBe(false); // 120 > 100
    expect(w.paused).toBe(true);
    expect(w.sent(10)).toBe(false); // stays paused until acks bring it down
    expect(w.acked(1)).toBe(false); // 70 left: above the low-water mark
    expect(w.acked(1)).toBe(true); // 40 left: resume, once
    expect(w.paused).toBe(false);
    expect(w.acked(1)).toBe(false);
    expect(w.backlog).toBe(10);
  });

  it('ignores acks for more chunks than were sent', () => {
    const w = createFlowWindow(100, 40);
    w.sent(5);
    expect(w.acked(10)).toBe(false);
    expect(w.backlog).toBe(0);
    expect(w.sent(5)).toBe(true);
    expect(w.backlog).toBe(5);
  });

  it('keeps exact accounting over many chunks (the weight queue is compacted, not lost)', () => {
    const w = createFlowWindow();
    let backlog = 0;
    for (let i = 0; i < 5000; i++) {
      w.sent(100 + (i % 7));
      backlog += 100 + (i % 7);
      if (i % 3 === 2) {
        w.acked(2);
      }
    }
    // Two of every three chunks were acknowledged, oldest first.
    let acked = 0;
    for (let i = 0; i < Math.floor(5000 / 3) * 2; i++) acked += 100 + (i % 7);
    expect(w.backlog).toBe(backlog - acked);
    expect(FLOW_HIGH_WATER).toBe(512 * 1024);
  });

  it('weighs bytes by length and JSON-ish chunks roughly by their text', () => {
    expect(chunkWeight(new Uint8Array(1234))).toBe(1234);
    const lines = { kind: 'lines', text: 'x'.repeat(1000) };
    expect(chunkWeight(lines)).toBeGreaterThanOrEqual(1000);
    expect(chunkWeight(lines)).toBeLessThan(JSON.stringify(lines).length + 50);
  });
});

describe('binary frames', () => {
  it('round-trips kind, stream id and payload', () => {
    const payload = new TextEncoder().encode('héllo');
    for (const id of [0, 1, 65_536, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER]) {
      const frame = encodeBinaryFrame(BinaryKind.streamInput, id, payload);
      expect(frame.byteLength).toBe(BINARY_HEADER_BYTES + payload.byteLength);
      const decoded = decodeBinaryFrame(frame);
      expect(decoded?.kind).toBe(BinaryKind.streamInput);
      expect(decoded?.id).toBe(id);
      expect(new TextDecoder().decode(decoded!.payload)).toBe('héllo');
    }
  });

  it('decodes a frame that is a view into a larger buffer', () => {
    const frame = encodeBinaryFrame(BinaryKind.streamData, 7, Uint8Array.of(1, 2, 3));
    const big = new Uint8Array(frame.byteLength + 10);
    big.set(frame, 5);
    const decoded = decodeBinaryFrame(big.subarray(5, 5 + frame.byteLength));
    expect(decoded?.id).toBe(7);
    expect([...decoded!.payload]).toEqual([1, 2, 3]);
  });

  it('refuses short frames, unknown kinds and ids that are not safe integers', () => {
    expect(decodeBinaryFrame(new Uint8Array(4))).toBeNull();
    const bad = encodeBinaryFrame(BinaryKind.streamData, 1, new Uint8Array(0));
    bad[0] = 9;
    expect(decodeBinaryFrame(bad)).toBeNull();
    const frac = encodeBinaryFrame(BinaryKind.streamData, 1, new Uint8Array(0));
    new DataView(frac.buffer).setFloat64(1, 1.5);
    expect(decodeBinaryFrame(frac)).toBeNull();
    const neg = encodeBinaryFrame(BinaryKind.streamData, 1, new Uint8Array(0));
    new DataView(neg.buffer).setFloat64(1, -1);
    expect(decodeBinaryFrame(neg)).toBeNull();
  });
});
