import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ): 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** utime + stime of one process, in ticks; 0 when it is gone. */
export function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing paren.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]); // fields 14 and 15 of the whole line
  } catch {
    return 0;
  }
}

/** Processes whose command line matches `test`, by pid. */
export function findProcesses(test: (cmdline: string) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (test(cmdline)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export function dockerdPid(): number {
  const fromFile = (() => {
    try {
      return Number(readFileSync('/var/run/docker.pid', 'utf8').trim());
    } catch {
      return 0;
    }
  })();
  if (fromFile && processTicks(fromFile) > 0) return fromFile;
  const [pid] = findProcesses((c) => /(^|\/)dockerd( |$)/.test(c) && !c.includes('--data-root'));
  if (!pid) throw new Error('no dockerd process found');
  return pid;
}

/** containerd and the shims of the given containers: the engine's stats path goes through them too. */
export function containerdPids(containerIds: readonly string[]): number[] {
  const ids = new Set(containerIds);
  return findProcesses((c) => {
    if (/(^|\/)containerd( |$)/.test(c)) return true;
    const m = /containerd-shim\S* .*-id (\w+)/.exec(c);
    return !!m && ids.has(m[1] as string);
  });
}

/** CPU seconds a set of processes used between two readings. */
export function cpuMeter(pids: () => readonly number[]): { stop(): number } {
  const list = pids();
  const before = list.map(processTicks);
  return {
    stop: () => list.reduce((sum, pid, i) => sum + Math.max(0, processTicks(pid) - (before[i] ?? 0)), 0) / TICKS_PER_SECOND,
  };
}
