import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import type { StreamHandle } from '../../src-common/contract/index';
import type { TerminalEvent, TerminalMode } from '../../src-common/models/terminal';
import { api } from '../api/client';
import { mirrorInlineStyles } from './csp-styles';
import type { RegisteredSession } from './session-registry';
import { terminalStrings as t } from './strings';
import { isCopyKey, isPasteKey } from './terminal-keys';
import { createCursorReportGate } from './cursor-report-gate';

export type SessionState =
  | { kind: 'connecting' }
  | { kind: 'open'; tty: boolean }
  | { kind: 'ended'; how: 'exited' | 'detached'; exitCode: number | null; containerRunning: boolean }
  | { kind: 'failed'; message: string };

export interface TerminalSessionView extends RegisteredSession {
  readonly mode: TerminalMode;
  readonly command: string;
  state(): SessionState;
  /** Puts the terminal's element into `parent` (a tab showing it) and fits it. */
  attach(parent: HTMLElement): void;
  detach(): void;
  reconnect(): void;
  focus(): void;
  setScreenReaderMode(on: boolean): void;
  search: SearchAddon;
}

const encoder = new TextEncoder();

/** The screen-reader preference, shared by all sessions (xterm's accessibility tree and live region). */
export const screenReader = { on: false };
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

function latin1Bytes(data: string): Uint8Array {
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i) & 0xff;
  return bytes;
}

/**
 * WebGL when the browser has it on a real GPU (much faster on bulk output), else xterm's
 * DOM renderer: software WebGL (SwiftShader, llvmpipe — headless or GPU-less machines)
 * is several times slower than the DOM renderer.
 */
function loadRenderer(term: Terminal): void {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  if (/swiftshader|llvmpipe|softpipe|software/i.test(name)) return;
  try {
    const webgl = new WebglAddon();
    webgl.onContextLoss(() => webgl.dispose());
    term.loadAddon(webgl);
  } catch {
    // Stays on the DOM renderer.
  }
}

/**
 * One terminal: an xterm instance bound to a terminal.session stream, shaped like
 * xterm's AttachAddon. Output is written with xterm's callback, which acknowledges the
 * chunk, so main pauses the engine socket while xterm is behind by more than the
 * window of the stream's contract entry (128 KB).
 */
export function createTerminalSession(options: {
  key: number;
  label: string;
  containerId: string;
  mode: TerminalMode;
  command: string;
  onChange: () => void;
}): TerminalSessionView {
  const { containerId, mode, command, onChange } = options;
  const element = document.createElement('div');
  element.className = 'terminal-screen';
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', t.screenLabel(options.label));
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace',
    fontSize: 13,
    scrollback: 5000,
    // Off by default: it costs most of the throughput on bulk output. The tab's
    // "Screen reader mode" switch turns it on for every session.
    screenReaderMode: screenReader.on,
    allowProposedApi: true,
  });
  const fit = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fit);
  term.loadAddon(search);
  term.loadAddon(new WebLinksAddon());
  let opened = false;
  let unmirror: (() => void) | undefined;
  let resizeObserver: ResizeObserver | undefined;

  let state: SessionState = { kind: 'connecting' };
  let handle: StreamHandle | undefined;
  let sessionId: string | undefined;
  const setState = (next: SessionState) => {
    state = next;
    onChange();
  };

  const sendResize = () => {
    if (sessionId) {
      void api.call('terminal.resize', { sessionId, cols: term.cols, rows: term.rows }).catch(() => undefined);
    }
  };
  term.onResize(sendResize);
  const gate = createCursorReportGate((data) => handle?.write(encoder.encode(data)));
  term.onData((data) => gate.input(data));
  term.onBinary((data) => handle?.write(latin1Bytes(data)));
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown') return true;
    const mac = isMac();
    if (isCopyKey(e, mac)) {
      const selection = term.getSelection();
      if (selection) void navigator.clipboard?.writeText(selection).catch(() => undefined);
      e.preventDefault();
      return false;
    }
    // The browser's own paste event reaches xterm's textarea; xterm only must not send the key.
    if (isPasteKey(e, mac)) return false;
    return true;
  });

  const connect = () => {
    handle?.close();
    sessionId = undefined;
    gate.restart();
    setState({ kind: 'connecting' });
    handle = api.open(
      'terminal.session',
      { containerId, mode, command, cols: term.cols, rows: term.rows },
      {
        manualAck: true,
        onChunk: (chunk, done) => {
          if (chunk instanceof Uint8Array) {
            gate.output(chunk);
            term.write(chunk, done);
            return;
          }
          done();
          onEvent(chunk);
        },
        onEnd: (end) => {
          if (end.reason === 'error') setState({ kind: 'failed', message: end.error?.message ?? t.connectionLost });
          else if (state.kind === 'open' || state.kind === 'connecting') {
            setState({ kind: 'ended', how: 'exited', exitCode: null, containerRunning: true });
          }
          handle = undefined;
        },
      },
    );
  };

  const onEvent = (event: TerminalEvent) => {
    if (event.kind === 'started') {
      sessionId = event.sessionId;
      // The view may have changed size while the session was opening.
      sendResize();
      setState({ kind: 'open', tty: event.tty });
    } else {
      setState({ kind: 'ended', how: event.how, exitCode: event.exitCode, containerRunning: event.containerRunning });
    }
  };

  // xterm can report no cell size yet, or change it after a resize (its renderer measures on
  // its own schedule); fit() then does nothing or fits stale cells, and no further resize
  // comes to correct it. So each fit is checked again on the next frames, until the terminal
  // holds what the panel has room for (a bounded number of times).
  let refitFrame = 0;
  const fitNow = (attempt = 0) => {
    cancelAnimationFrame(refitFrame);
    if (!element.isConnected || element.clientWidth === 0 || element.clientHeight === 0) return;
    const proposed = fit.proposeDimensions();
    const fitted = proposed !== undefined && proposed.cols === term.cols && proposed.rows === term.rows;
    if (!fitted) fit.fit();
    if (attempt < 30 && (attempt === 0 || !fitted)) refitFrame = requestAnimationFrame(() => fitNow(attempt + 1));
  };

  connect();

  return {
    key: options.key,
    label: options.label,
    containerId,
    mode,
    command,
    search,
    state: () => state,
    attach(parent) {
      parent.appendChild(element);
      if (!opened) {
        opened = true;
        unmirror = mirrorInlineStyles(element);
        term.open(element);
        loadRenderer(term);
      }
      fitNow();
      resizeObserver = new ResizeObserver(() => fitNow());
      resizeObserver.observe(element);
    },
    detach() {
      cancelAnimationFrame(refitFrame);
      resizeObserver?.disconnect();
      resizeObserver = undefined;
      element.remove();
    },
    reconnect() {
      term.write('\r\n');
      connect();
    },
    focus: () => term.focus(),
    setScreenReaderMode(on) {
      term.options.screenReaderMode = on;
    },
    dispose() {
      gate.dispose();
      cancelAnimationFrame(refitFrame);
      resizeObserver?.disconnect();
      handle?.close();
      handle = undefined;
      term.dispose();
      unmirror?.();
      element.remove();
    },
  };
}
