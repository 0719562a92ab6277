/** Every string the terminal tab shows, in one place. */
export const terminalStrings = {
  sessionsLabel: 'Terminal sessions',
  sessionLabel: (n: number) => `Session ${n}`,
  closeSession: (label: string) => `Close ${label.toLowerCase()}`,
  newSession: 'New session',
  commandLabel: 'Command',
  commandPlaceholder: 'automatic (bash, else sh)',
  modeLabel: 'Mode',
  modes: { exec: 'Shell (exec)', attach: 'Attach to main process' },
  screenLabel: (label: string) => `Terminal ${label}`,
  connecting: 'Connecting…',
  exited: (code: number | null) => (code === null ? 'The session ended.' : `exited with code ${code}`),
  detached: 'Detached; the container keeps running.',
  failed: (message: string) => `Could not open the terminal: ${message}`,
  reconnect: 'Reconnect',
  notRunning: (name: string) => `${name} is not running. Start it to open a terminal.`,
  startContainer: 'Start container',
  noSessions: 'No terminal session is open.',
  attachNote:
    'Attached to the main process: Ctrl+C there may stop the container. Detach with Ctrl+P Ctrl+Q to leave it running.',
  connectionLost: 'The connection to Berth was lost.',
  screenReaderMode: 'Screen reader mode',
} as const;
