import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../src-common/contract/errors';
import type { TerminalSize } from '../../../src-common/models/terminal';
import type { DockerClient } from '../connection/docker-client';
import type { HijackedSocket, TerminalSession } from './exec-types';
import { bindTerminalSocket } from './terminal-socket';

/** As the docker CLI: Ctrl+P Ctrl+Q detaches and leaves the container running. */
export const DETACH_KEYS = 'ctrl-p,ctrl-q';

interface ContainerState {
  Name: string;
  Config: { Tty: boolean; OpenStdin: boolean };
  State: { Running: boolean; ExitCode: number };
}

const inspect = (client: DockerClient, containerId: string) =>
  client.request<ContainerState>({
    method: 'GET',
    path: `/containers/${containerId}/json`,
    action: 'inspect',
    object: `container ${containerId}`,
  });

/** Attaches to the main process of a running container (through its TTY when it has one). */
export async function openAttachSession(
  client: DockerClient,
  options: TerminalSize & { containerId: string },
): Promise<TerminalSession> {
  const { containerId } = options;
  const before = await inspect(client, containerId);
  const object = `container ${before.Name.replace(/^\//, '')}`;
  if (!before.State.Running) throw new ApiError('conflict', `Cannot attach to ${object}: it is not running.`, object);
  const tty = before.Config.Tty;
  const socket = await client.request<HijackedSocket>({
    method: 'POST',
    path: `/containers/${containerId}/attach`,
    query: { stream: 1, stdin: 1, stdout: 1, stderr: 1, detachKeys: DETACH_KEYS },
    response: 'hijack',
    openStdin: true,
    action: 'attach to',
    object,
  });
  const resize = async ({ cols, rows }: TerminalSize) => {
    if (!tty) return; // without a TTY there is nothing to size
    await client.request({
      method: 'POST',
      path: `/containers/${containerId}/resize`,
      query: { h: rows, w: cols },
      action: 'resize the terminal of',
      object,
    });
  };
  const bound = bindTerminalSocket(socket, tty, async () => {
    const after = await inspect(client, containerId).catch(() => null);
    // The engine closes the stream on the detach keys (container still running) or when the process ends.
    if (after?.State.Running) return { how: 'detached', exitCode: null, containerRunning: true };
    return { how: 'exited', exitCode: after?.State.ExitCode ?? null, containerRunning: false };
  });
  await resize(options).catch(() => undefined);
  return {
    id: randomUUID(),
    tty,
    onOutput: bound.onOutput,
    onEnd: bound.onEnd,
    pause: bound.pause,
    resume: bound.resume,
    write: bound.write,
    resize,
    async close() {
      // Dropping the connection detaches; the container keeps running.
      bound.closingByUs();
      socket.destroy();
    },
  };
}
