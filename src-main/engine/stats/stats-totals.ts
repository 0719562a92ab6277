import type { StatsSample, StatsTotals } from '../../../src-common/models/stats';
import type { HostCapacity } from './host-info';

/**
 * All running containers together: the sum of each one's newest reading, if it is recent
 * (`maxAgeMs`). `measured` says how many that was, so a view can tell "12 % of 2 CPUs"
 * from "12 %, 3 of 40 containers not read yet".
 */
export function sumTotals(
  running: ReadonlySet<string>,
  latest: ReadonlyMap<string, { latest: StatsSample | null }>,
  host: HostCapacity,
  now: number,
  maxAgeMs: number,
): StatsTotals {
  let cpuPercent = 0;
  let memoryBytes = 0;
  let measured = 0;
  for (const id of running) {
    const sample = latest.get(id)?.latest;
    if (!sample || sample.t < now - maxAgeMs) continue;
    measured += 1;
    cpuPercent += sample.cpuPercent ?? 0;
    memoryBytes += sample.memoryBytes ?? 0;
  }
  return {
    t: now,
    cpuPercent,
    memoryBytes,
    running: running.size,
    measured,
    hostCpus: host.cpus,
    hostMemoryBytes: host.memoryBytes,
  };
}
