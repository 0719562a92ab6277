/** Every user-visible string of the tray (menu and icon tooltip), in one place for translation. */
export const trayStrings = {
  appName: 'Berth',
  openApp: 'Open Berth',
  quit: 'Quit Berth',
  noContainers: 'No containers',
  more: 'More…',

  engineConnected: (engine: string, endpoint: string) => `${engine} · ${endpoint}`,
  engineConnecting: (endpoint: string | null) =>
    endpoint ? `Connecting to the engine at ${endpoint}…` : 'Connecting to the engine…',
  engineUnreachable: (reason: string) => `Engine unreachable: ${reason}`,
  engineName: (name: string, version: string) => `${name} ${version}`,

  /** "web-1 — Up 5 minutes", "db — Up 2 hours (unhealthy)": Docker's status line, never a colour alone. */
  containerLabel: (name: string, status: string) => `${name} — ${status}`,

  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  pause: 'Pause',
  resume: 'Resume',
  openUrl: (hostPort: string) => `Open ${hostPort}`,
  openTerminal: 'Open terminal',
  showLogs: 'Show logs',

  projectLabel: (project: string, running: number, total: number) =>
    `${project} — compose, ${running} of ${total} running`,
  startAll: 'Start all',
  stopAll: 'Stop all',

  stopAllRunning: (count: number) => `Stop all running (${count})`,
  stopAllConfirmTitle: 'Stop all running containers?',
  /** The buttons of the confirmation dialog, in order: go ahead, cancel. */
  confirmButtons: ['Stop them', 'Cancel'] as const,
  actionFailed: 'Berth could not do that',
  stopAllConfirmMessage: (count: number, names: readonly string[], more: number) =>
    `Berth will stop ${count === 1 ? '1 container' : `${count} containers`}: ${names.join(', ')}` +
    (more > 0 ? ` and ${more} more.` : '.'),

  tooltipConnected: (summary: string, engine: string) => `Berth — ${summary} · ${engine}`,
  tooltipNothingRunning: 'nothing running',
  /** The engine-wide usage, appended while it is known: "CPU 12 % of 2 CPUs · Memory 1.2 GiB of 23 GiB". */
  tooltipUsage: (cpu: string, cpus: number | null, memory: string, hostMemory: string | null) =>
    `CPU ${cpu}${cpus ? ` of ${cpus} ${cpus === 1 ? 'CPU' : 'CPUs'}` : ''} · Memory ${memory}${hostMemory ? ` of ${hostMemory}` : ''}`,
  tooltipRunning: (running: number) => `${running} running`,
  tooltipPaused: (paused: number) => `${paused} paused`,
  tooltipRestarting: (restarting: number) => `${restarting} restarting`,
  tooltipConnecting: 'Berth — connecting to the engine…',
  tooltipUnreachable: (reason: string) => `Berth — engine unreachable: ${reason}`,
} as const;
