import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SeenEvent {
  action: string;
  name: string;
  /** Date.now() in this process when `docker events` printed the line. */
  seenAt: number;
}

export interface DockerEventsWatch {
  /** The first event with this action for this container name seen so far. */
  find(action: string, name: string): SeenEvent | undefined;
  stop(): void;
}

/** `docker events` for containers as a child process: an independent clock for "when it happened". */
export function watchDockerEvents(): DockerEventsWatch {
  const child: ChildProcess = spawn('docker', ['events', '--format', '{{json .}}', '--filter', 'type=container'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const seen: SeenEvent[] = [];
  if (!child.stdout) throw new Error('docker events has no stdout');
  createInterface({ input: child.stdout }).on('line', (line) => {
    const seenAt = Date.now();
    try {
      const e = JSON.parse(line) as { Action?: string; Actor?: { Attributes?: Record<string, string> } };
      seen.push({ action: e.Action ?? '', name: e.Actor?.Attributes?.name ?? '', seenAt });
    } catch {
      // not an event line
    }
  });
  return {
    find: (action, name) => seen.find((e) => e.action === action && e.name === name),
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
