/** User-visible strings of resource usage: the list's columns, the status bar, the Stats tab. */
export const statsStrings = {
  memoryOf: (used: string, limit: string) => `${used} / ${limit}`,
  memoryTitle: (used: string, limit: string | null, percent: string | null) =>
    limit ? `${used} of its ${limit} limit (${percent})` : `${used} (no memory limit)`,
  cpuTitle: (percent: string) => `${percent} of one CPU (100 % = one CPU busy)`,
  groupUsage: (cpu: string, memory: string) => `CPU ${cpu} · ${memory}`,
  groupUsageLabel: (project: string, cpu: string, memory: string) => `${project} uses CPU ${cpu} and memory ${memory}`,

  statusBarLabel: 'Resource usage of all containers',
  statusBar: (cpu: string, cpus: number | null, memory: string, hostMemory: string | null) =>
    `CPU ${cpu}${cpus ? ` of ${cpus} ${cpus === 1 ? 'CPU' : 'CPUs'}` : ''} · Memory ${memory}${hostMemory ? ` of ${hostMemory}` : ''}`,
  statusBarPartial: (measured: number, running: number) => ` (${measured} of ${running} containers read so far)`,
  statusBarTitle: 'CPU: 100 % is one CPU busy. Memory: in use without the file cache the kernel can drop, as docker stats counts it.',

  tab: {
    windowLabel: 'Time window',
    windows: { 60_000: '1 min', 300_000: '5 min', 900_000: '15 min' } as Record<number, string>,
    windowNames: { 60_000: 'last minute', 300_000: 'last 5 minutes', 900_000: 'last 15 minutes' } as Record<number, string>,
    stopped: 'The container is not running: no new readings until it starts. What was read before stays below.',
    waiting: 'Reading the first figures…',
    hiddenNote: 'Readings are taken every 2 s while this tab or the containers list shows the container.',
    charts: {
      cpu: 'CPU',
      memory: 'Memory',
      network: 'Network',
      block: 'Block I/O',
      pids: 'Processes',
    },
    series: {
      cpu: 'CPU %',
      memory: 'In use',
      limit: 'Limit',
      rx: 'Received',
      tx: 'Sent',
      read: 'Read',
      write: 'Written',
      pids: 'PIDs',
    },
    /** The text summary of each chart, for screen readers (and the eye). */
    summary: {
      none: (chart: string) => `${chart}: no readings yet.`,
      cpu: (now: string, window: string, peak: string) => `CPU ${now}, ${window} peak ${peak}.`,
      memory: (now: string, limit: string | null, window: string, peak: string) =>
        `Memory ${now}${limit ? ` of a ${limit} limit` : ''}, ${window} peak ${peak}.`,
      network: (rx: string, tx: string, window: string, peakRx: string, peakTx: string) =>
        `Network: receiving ${rx}, sending ${tx}; ${window} peak ${peakRx} in, ${peakTx} out.`,
      block: (read: string, write: string, window: string, peakRead: string, peakWrite: string) =>
        `Block I/O: reading ${read}, writing ${write}; ${window} peak ${peakRead} read, ${peakWrite} written.`,
      pids: (now: string, window: string, peak: string) => `${now} processes, ${window} peak ${peak}.`,
    },
    windowPeakPrefix: { 60_000: '1-minute', 300_000: '5-minute', 900_000: '15-minute' } as Record<number, string>,
  },
};
