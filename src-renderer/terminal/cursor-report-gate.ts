/**
 * busybox's shell (ash, the default `sh` of Alpine and busybox images) asks the terminal
 * where the cursor is (DSR, ESC[6n) at every prompt. If typed keys reach it before the
 * answer (ESC[row;colR), it runs the half-typed line and drops the rest — measured: with
 * the answer 2 keys late, "echo abc" ran as "ec". A local terminal answers in microseconds;
 * ours answers after a round trip to the browser, so type-ahead would hit that window.
 * The gate holds typed input while a question is open and sends it right after xterm's
 * answer, the order a local terminal produces. It also holds what is typed before the
 * shell's first output (a user typing as the tab opens), since that first prompt may ask
 * the question too. Timeouts release held input if no answer or no output comes.
 *
 * The answer for row 1 is rewritten with a leading zero (ESC[1;5R → ESC[01;5R, the same
 * position in ECMA-48's decimal parameters). busybox's key reader (read_key) takes
 * ESC[1;5R for the start of Ctrl+Right (ESC[1;5C) — ESC[1;3R likewise for Alt+Right —
 * and, once the known sequences fail, reads one more byte before it recognises the
 * report; the keys typed within the next 50 ms are read with it and thrown away as an
 * unknown sequence. Every prompt on the top row (a new session, after `clear`) asks,
 * and the keys held above arrive right after the answer, so they were the ones lost.
 * ESC[01;… matches no key sequence, so the report is recognised the byte its R arrives.
 */
const DSR = [0x1b, 0x5b, 0x36, 0x6e];
const ESC = '\u001b';
const isCursorReport = (data: string) => data.startsWith(ESC) && /^\[\d+;\d+R$/.test(data.slice(1));
/** A row-1 report, written so no key reader can take it for a modified arrow key's prefix (ESC[1;<mod>…). */
const unambiguousCursorReport = (report: string) =>
  report.startsWith(`${ESC}[1;`) ? `${ESC}[01;${report.slice(4)}` : report;

/**
 * Whether `bytes` hold ESC[6n, given that the previous chunk ended with the first
 * `partial` bytes of it; also how much of it this chunk ends with. It looks only at
 * ESC bytes (found by the native indexOf): a byte-by-byte loop over every chunk cost
 * ~130 ms of a 20 MiB `cat`, more than a tenth of the renderer's time.
 */
export function findCursorQuestion(bytes: Uint8Array, partial: number): { asked: boolean; partial: number } {
  let asked = false;
  let i = 0;
  // The rest of a question split across chunks.
  while (partial > 0 && i < bytes.length) {
    if (bytes[i] !== DSR[partial]) {
      partial = 0;
      break;
    }
    i++;
    if (++partial === DSR.length) {
      asked = true;
      partial = 0;
    }
  }
  for (let at = bytes.indexOf(DSR[0]!, i); at !== -1; at = bytes.indexOf(DSR[0]!, at + 1)) {
    let k = 1;
    while (k < DSR.length && at + k < bytes.length && bytes[at + k] === DSR[k]) k++;
    if (k === DSR.length) asked = true;
    else if (at + k === bytes.length) partial = k;
  }
  return { asked, partial };
}

export interface CursorReportGate {
  /** Output from the container, seen before xterm parses it. */
  output(bytes: Uint8Array): void;
  /** Input from xterm: keys, pastes, and its own reports. */
  input(data: string): void;
  /** A new shell is starting: hold input until its first output. */
  restart(): void;
  dispose(): void;
}

export interface GateTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: GateTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createCursorReportGate(
  send: (data: string) => void,
  options: { timeoutMs?: number; firstOutputTimeoutMs?: number; timers?: GateTimers } = {},
): CursorReportGate {
  const timeoutMs = options.timeoutMs ?? 300;
  const firstOutputTimeoutMs = options.firstOutputTimeoutMs ?? 3000;
  const timers = options.timers ?? realTimers;
  let matched = 0; // how much of DSR the last chunk ended with, for a split sequence
  let waiting = false;
  let beforeFirstOutput = false;
  let queue: string[] = [];
  let timer: unknown;

  const hold = (ms: number) => {
    waiting = true;
    if (timer !== undefined) timers.clear(timer);
    timer = timers.set(release, ms);
  };

  const release = () => {
    waiting = false;
    beforeFirstOutput = false;
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    const held = queue;
    queue = [];
    for (const data of held) send(data);
  };

  return {
    output(bytes) {
      const found = findCursorQuestion(bytes, matched);
      matched = found.partial;
      if (found.asked) {
        beforeFirstOutput = false;
        hold(timeoutMs);
      } else if (beforeFirstOutput && bytes.byteLength > 0) release();
    },
    restart() {
      matched = 0;
      beforeFirstOutput = true;
      hold(firstOutputTimeoutMs);
    },
    input(data) {
      if (isCursorReport(data)) {
        send(unambiguousCursorReport(data));
        release();
      } else if (waiting) queue.push(data);
      else send(data);
    },
    dispose() {
      if (timer !== undefined) timers.clear(timer);
      queue = [];
    },
  };
}
