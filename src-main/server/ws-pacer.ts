/**
 * Large messages leave the server one per turn of the event loop. 200 calls that share one
 * engine answer all resolve at once; sending their 200 × 0.5 MB in that same turn held the
 * thread for ~0.3 s (the encoding and the socket writes), and an unrelated HTTP request
 * waited behind it. One large message per turn lets the HTTP server have the turns between.
 */
export const PACED_MESSAGE_BYTES = 64 * 1024;

const turns: (() => void)[] = [];
let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // setImmediate queued from inside a check phase runs in the next loop iteration, after
  // the poll phase: the I/O that arrived meanwhile is served first.
  setImmediate(runOne);
}

function runOne(): void {
  scheduled = false;
  const turn = turns.shift();
  if (turns.length > 0) schedule();
  turn?.();
}

/** Runs `turn` on a later turn of the event loop, after the turns queued before it. */
export function paceTurn(turn: () => void): void {
  turns.push(turn);
  schedule();
}
