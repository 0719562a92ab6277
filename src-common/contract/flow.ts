/**
 * Stream flow control, shared by both transports. The producer's side counts what it
 * sent and the consumer acknowledges chunks once it has processed them (for a terminal:
 * when xterm has parsed them). While the unacknowledged weight is above the high-water
 * mark the producer is told to pause; it is told to resume once the backlog is back
 * under the low-water mark. See the xterm.js flow-control guide.
 */
export const FLOW_HIGH_WATER = 512 * 1024;
export const FLOW_LOW_WATER = 128 * 1024;

/** A cheap upper-ish estimate of a chunk's size on the wire, for transports that do not encode it. */
export function chunkWeight(chunk: unknown, depth = 0): number {
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  if (typeof chunk === 'string') return chunk.length + 2;
  if (chunk === null || typeof chunk !== 'object' || depth > 4) return 8;
  let total = 2;
  if (Array.isArray(chunk)) {
    for (const item of chunk) total += chunkWeight(item, depth + 1) + 1;
    return total;
  }
  for (const [key, value] of Object.entries(chunk)) total += key.length + 4 + chunkWeight(value, depth + 1);
  return total;
}

export interface FlowWindow {
  /** Records a sent chunk; false when the consumer is now behind (pause the source). */
  sent(weight: number): boolean;
  /** Records that the consumer processed the oldest `count` chunks; true when a paused producer may resume. */
  acked(count: number): boolean;
  readonly backlog: number;
  readonly paused: boolean;
}

export function createFlowWindow(high = FLOW_HIGH_WATER, low = FLOW_LOW_WATER): FlowWindow {
  // Weights of unacknowledged chunks, oldest first; `head` avoids shifting the array.
  let weights: number[] = [];
  let head = 0;
  let backlog = 0;
  let paused = false;
  return {
    sent(weight) {
      weights.push(weight);
      backlog += weight;
      if (backlog > high) paused = true;
      return !paused;
    },
    acked(count) {
      const n = Math.max(0, Math.min(count, weights.length - head));
      for (let i = 0; i < n; i++) backlog -= weights[head++]!;
      if (head > 1024 && head * 2 > weights.length) {
        weights = weights.slice(head);
        head = 0;
      }
      if (paused && backlog <= low) {
        paused = false;
        return true;
      }
      return false;
    },
    get backlog() {
      return backlog;
    },
    get paused() {
      return paused;
    },
  };
}
