import { randomUUID } from 'node:crypto';
import type { TerminalSize } from '../../../src-common/models/terminal';
import type { DockerClient } from '../connection/docker-client';
import { bindTerminalSocket } from './terminal-socket';
import type { HijackedSocket, TerminalSession } from './exec-types';

/** bash when the container has it, else sh — decided inside the container in one exec. */
export const AUTO_SHELL = ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi'];

/** The environment variable that marks every process of one session, for the cleanup. */
export const SESSION_ENV = 'BERTH_SESSION';

interface ExecInspect {
  Running: boolean;
  ExitCode: number | null;
  Pid: number;
}

export interface ExecTerminalOptions extends TerminalSize {
  containerId: string;
  /** What the user typed; empty picks the shell automatically. */
  command: string;
}

/** A typed command line split on blanks (quotes are for a shell to read: type `sh -c '…'`). */
export function commandArgv(command: string): string[] {
  const argv = command.trim().split(/\s+/).filter(Boolean);
  return argv.length ? argv : AUTO_SHELL;
}

const inspectExec = (client: DockerClient, execId: string) =>
  client.request<ExecInspect>({ method: 'GET', path: `/exec/${execId}/json`, action: 'inspect exec session', object: execId });

/** The exec's state once it has settled: the process may still be reported running for a moment after its stream closed. */
async function settledExec(client: DockerClient, execId: string, attempts = 8): Promise<ExecInspect> {
  let state = await inspectExec(client, execId);
  for (let i = 0; state.Running && i < attempts; i++) {
    await new Promise((r) => setTimeout(r, 25 * 2 ** i));
    state = await inspectExec(client, execId);
  }
  return state;
}

async function containerRunning(client: DockerClient, containerId: string): Promise<boolean> {
  try {
    const c = await client.request<{ State: { Running: boolean } }>({
      method: 'GET',
      path: `/containers/${containerId}/json`,
      action: 'inspect',
      object: `container ${containerId}`,
    });
    return c.State.Running;
  } catch {
    return false;
  }
}

/** Runs a short command in the container without a TTY and waits for it to finish. */
export async function runInContainer(client: DockerClient, containerId: string, cmd: string[]): Promise<number | null> {
  const { Id } = await client.request<{ Id: string }>({
    method: 'POST',
    path: `/containers/${containerId}/exec`,
    body: { Cmd: cmd, AttachStdout: true, AttachStderr: true },
    action: 'run a command in',
    object: `container ${containerId}`,
  });
  const stream = await client.request<NodeJS.ReadableStream>({
    method: 'POST',
    path: `/exec/${Id}/start`,
    body: { Detach: false, Tty: false },
    response: 'stream',
    action: 'run a command in',
    object: `container ${containerId}`,
  });
  for await (const _chunk of stream) {
    // drained only to know when the command is done
  }
  return (await settledExec(client, Id)).ExitCode;
}

/** Sends `signal` to every process carrying this session's marker (its shell and whatever it started). */
function signalSession(client: DockerClient, containerId: string, sessionId: string, signal: 'HUP' | 'KILL') {
  const script =
    `for p in /proc/[0-9]*; do ` +
    `if tr '\\0' '\\n' < "$p/environ" 2>/dev/null | grep -qx '${SESSION_ENV}=${sessionId}'; then kill -${signal} "\${p#/proc/}" 2>/dev/null; fi; ` +
    `done`;
  return runInContainer(client, containerId, ['/bin/sh', '-c', script]);
}

/** Starts an exec session with a TTY in a running container, sized to the view. */
export async function openExecSession(client: DockerClient, options: ExecTerminalOptions): Promise<TerminalSession> {
  const { containerId } = options;
  const object = `container ${containerId}`;
  const id = randomUUID();
  const { Id: execId } = await client.request<{ Id: string }>({
    method: 'POST',
    path: `/containers/${containerId}/exec`,
    body: {
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      Cmd: commandArgv(options.command),
      Env: ['TERM=xterm-256color', `${SESSION_ENV}=${id}`],
    },
    action: 'open a terminal in',
    object,
  });
  const socket = await client.request<HijackedSocket>({
    method: 'POST',
    path: `/exec/${execId}/start`,
    body: { Detach: false, Tty: true },
    response: 'hijack',
    openStdin: true,
    action: 'open a terminal in',
    object,
  });

  const resize = async ({ cols, rows }: TerminalSize) => {
    await client.request({
      method: 'POST',
      path: `/exec/${execId}/resize`,
      query: { h: rows, w: cols },
      action: 'resize the terminal in',
      object,
    });
  };

  const bound = bindTerminalSocket(socket, true, async () => {
    const state = await settledExec(client, execId).catch(() => null);
    return { how: 'exited', exitCode: state?.ExitCode ?? null, containerRunning: await containerRunning(client, containerId) };
  });

  // A freshly started exec may not have its TTY yet; the view sends its size again on every change.
  await resize(options).catch(() => undefined);

  return {
    id,
    tty: true,
    onOutput: bound.onOutput,
    onEnd: bound.onEnd,
    pause: bound.pause,
    resume: bound.resume,
    write: bound.write,
    resize,
    async close() {
      bound.closingByUs();
      // Closing stdin ends a shell waiting at its prompt; whatever still runs is hung up, then killed.
      socket.end();
      socket.destroy();
      let state = await settledExec(client, execId, 3).catch(() => null);
      if (!state?.Running) return;
      await signalSession(client, containerId, id, 'HUP').catch(() => undefined);
      // An interactive sh may ignore the hang-up once its foreground job is gone.
      state = await settledExec(client, execId, 3).catch(() => null);
      if (state?.Running) await signalSession(client, containerId, id, 'KILL').catch(() => undefined);
    },
  };
}
