import { readFile } from 'node:fs/promises';

export interface ProcessMemory {
  /** Resident set now, bytes. */
  rss: number;
  /** The highest resident set the process ever had (the kernel's VmHWM), bytes. */
  peak: number;
}

/** A process's resident memory from /proc/<pid>/status (Linux). */
export async function processMemory(pid: number): Promise<ProcessMemory> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

export const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
