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
 */
const DSR = [0x1b, 0x5b, 0x36, 0x6e];
const ESC = '\u001b';
const isCursorReport = (data: string) => data.startsWith(ESC) && /^\[\d+;\d+R$/.test(data.slice(1));

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
      let asked = false;
      for (const byte of bytes) {
        matched = byte === DSR[matched] ? matched + 1 : byte === DSR[0] ? 1 : 0;
        if (matched === DSR.length) {
          matched = 0;
          asked = true;
        }
      }
      if (asked) {
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
        send(data);
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
