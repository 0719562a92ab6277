import { describe, expect, it } from 'vitest';
import { createCursorReportGate, findCursorQuestion, type GateTimers } from './cursor-report-gate';

const bytes = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: GateTimers = {
    set: (fn) => (pending.set(++next, fn), next),
    clear: (h) => void pending.delete(h as number),
  };
  return { timers, fire: () => [...pending.values()].forEach((fn) => fn()), pending };
}

describe('cursor report gate', () => {
  it('passes keys straight through when no question is open', () => {
    const sent: string[] = [];
    const gate = createCursorReportGate((d) => sent.push(d));
    gate.output(bytes('hello\r\n/ # '));
    gate.input('e');
    expect(sent).toEqual(['e']);
    gate.dispose();
  });

  it("holds typed keys after ESC[6n and sends them right after xterm's answer", () => {
    const sent: string[] = [];
    const { timers } = manualTimers();
    const gate = createCursorReportGate((d) => sent.push(d), { timers });
    gate.output(bytes('/ # \x1b[6n'));
    gate.input('e');
    gate.input('c');
    expect(sent).toEqual([]);
    gate.input('\x1b[7;5R');
    expect(sent).toEqual(['\x1b[7;5R', 'e', 'c']);
    gate.input('h');
    expect(sent.at(-1)).toBe('h');
  });

  it('writes a row-1 answer with a leading zero, so busybox cannot read it as the start of Ctrl+Right and swallow the held keys', () => {
    const sent: string[] = [];
    const { timers } = manualTimers();
    const gate = createCursorReportGate((d) => sent.push(d), { timers });
    gate.output(bytes('\x1b[H\x1b[J/ # \x1b[6n'));
    gate.input('e');
    gate.input('\x1b[1;5R');
    expect(sent).toEqual(['\x1b[01;5R', 'e']);
    gate.output(bytes('\x1b[6n'));
    gate.input('\x1b[1;3R');
    gate.output(bytes('\x1b[6n'));
    gate.input('\x1b[12;5R');
    expect(sent.slice(2)).toEqual(['\x1b[01;3R', '\x1b[12;5R']);
  });

  it('finds the question split across chunks', () => {
    const sent: string[] = [];
    const { timers } = manualTimers();
    const gate = createCursorReportGate((d) => sent.push(d), { timers });
    gate.output(bytes('/ # \x1b['));
    gate.output(bytes('6n'));
    gate.input('x');
    expect(sent).toEqual([]);
  });

  it('releases held keys when no answer comes in time', () => {
    const sent: string[] = [];
    const { timers, fire } = manualTimers();
    const gate = createCursorReportGate((d) => sent.push(d), { timers });
    gate.output(bytes('\x1b[6n'));
    gate.input('a');
    fire();
    expect(sent).toEqual(['a']);
    gate.input('b');
    expect(sent).toEqual(['a', 'b']);
  });

  it('does not take other escape sequences for the question', () => {
    const sent: string[] = [];
    const gate = createCursorReportGate((d) => sent.push(d));
    gate.output(bytes('\x1b[6m\x1b[J\x1b[36mcolour'));
    gate.input('k');
    expect(sent).toEqual(['k']);
    gate.dispose();
  });

  it('holds keys typed before the shell first prints, and lets them go with a prompt that asks nothing', () => {
    const sent: string[] = [];
    const { timers } = manualTimers();
    const gate = createCursorReportGate((d) => sent.push(d), { timers });
    gate.restart();
    gate.input('l');
    gate.input('s');
    expect(sent).toEqual([]);
    gate.output(bytes('bash-5.2$ '));
    expect(sent).toEqual(['l', 's']);
  });

  it('keeps holding them when the first prompt asks where the cursor is, until the answer', () => {
    const sent: string[] = [];
    const { timers } = manualTimers();
    const gate = createCursorReportGate((d) => sent.push(d), { timers });
    gate.restart();
    gate.input('e');
    gate.output(bytes('/ # \x1b[6n'));
    expect(sent).toEqual([]);
    gate.input('\x1b[1;5R');
    expect(sent).toEqual(['\x1b[01;5R', 'e']);
  });

  it('lets held keys go if the shell prints nothing in time', () => {
    const sent: string[] = [];
    const { timers, fire } = manualTimers();
    const gate = createCursorReportGate((d) => sent.push(d), { timers });
    gate.restart();
    gate.input('x');
    fire();
    expect(sent).toEqual(['x']);
  });
});

describe('findCursorQuestion', () => {
  /** What a byte-by-byte reading finds, chunk after chunk: the reference for the indexOf scan. */
  function slowScan(chunks: string[]): boolean[] {
    const dsr = '\x1b[6n';
    let tail = '';
    return chunks.map((c) => {
      const text = tail + c;
      let asked = false;
      for (let i = 0; i + dsr.length <= text.length; i++) if (text.startsWith(dsr, i) && i + dsr.length > tail.length) asked = true;
      tail = text.slice(-3);
      return asked;
    });
  }
  function fastScan(chunks: string[]): boolean[] {
    let partial = 0;
    return chunks.map((c) => {
      const found = findCursorQuestion(bytes(c), partial);
      partial = found.partial;
      return found.asked;
    });
  }

  it.each([
    [['plain text', 'more']],
    [['\x1b[6n']],
    [['\x1b', '[', '6', 'n']],
    [['a\x1b[', '6nb']],
    [['\x1b\x1b[6n']],
    [['\x1b[', '\x1b[6n']],
    [['\x1b[6', 'm\x1b[6n']],
    [['\x1b[6', 'x', '\x1b[6n']],
    [['\x1b[6n\x1b[6n', '\x1b[']],
    [['\x1b[J\x1b[36m', 'colour\x1b[6m']],
    [['\x1b[', '', '6n']],
  ])('agrees with a byte-by-byte reading: %j', (chunks) => {
    expect(fastScan(chunks)).toEqual(slowScan(chunks));
  });

  it('carries a prefix the chunk ends with', () => {
    expect(findCursorQuestion(bytes('x\x1b[6'), 0)).toEqual({ asked: false, partial: 3 });
    expect(findCursorQuestion(bytes('n'), 3)).toEqual({ asked: true, partial: 0 });
    expect(findCursorQuestion(bytes('q'), 3)).toEqual({ asked: false, partial: 0 });
  });
});
