import { LOG_LINE_CAP_MAX, LOG_LINE_CAP_MIN } from '../../src-common/models/settings-defaults';

const n = (value: number) => value.toLocaleString('en-US');

/** User-visible strings of the settings page. */
export const settingsStrings = {
  title: 'Settings',
  loading: 'Loading settings…',
  saved: 'Saved.',
  saving: 'Saving…',
  saveFailed: (reason: string) => `Could not save: ${reason}`,
  loadProblem: (message: string) => message,
  engine: {
    heading: 'Engine',
    lead: 'Where Berth finds the container engine. A change reconnects at once.',
    group: 'Engine endpoint',
    auto: 'Automatic',
    autoHint: 'As the docker CLI decides: DOCKER_HOST, the current docker context, then the usual socket.',
    context: 'Docker context',
    contextHint: 'One of the contexts `docker context ls` shows.',
    contextSelect: 'Context',
    contextOption: (name: string, endpoint: string | null, current: boolean) =>
      `${name}${endpoint ? ` — ${endpoint}` : ''}${current ? ' (current)' : ''}`,
    noContexts: 'No docker contexts found.',
    contextsFailed: (reason: string) => `Could not list the docker contexts: ${reason}`,
    refreshContexts: 'Refresh contexts',
    custom: 'Custom address',
    customHint: 'Like DOCKER_HOST: unix:///path, npipe:////./pipe/name, tcp://host:port or ssh://user@host.',
    customInput: 'Engine address',
    connect: 'Connect',
    now: 'Now',
    statusConnected: (display: string, version: string) => `Connected to ${display} (engine ${version}).`,
    statusConnecting: (display: string | null) => (display ? `Connecting to ${display}…` : 'Connecting…'),
    statusUnreachable: (display: string | null, error: string) =>
      display ? `Cannot reach ${display}: ${error}` : `No usable engine address: ${error}`,
  },
  appearance: {
    heading: 'Appearance',
    group: 'Theme',
    system: 'Same as the system',
    light: 'Light',
    dark: 'Dark',
  },
  logs: {
    heading: 'Logs',
    cap: 'Log lines kept per view',
    capHint: `Older lines are dropped past this many (${n(LOG_LINE_CAP_MIN)} to ${n(LOG_LINE_CAP_MAX)}).`,
    apply: 'Apply line limit',
    capInvalid: `Enter a whole number from ${n(LOG_LINE_CAP_MIN)} to ${n(LOG_LINE_CAP_MAX)}.`,
  },
  desktop: {
    heading: 'Desktop',
    notifications: 'Notify when a container exits unexpectedly, is OOM-killed or turns unhealthy',
    closeToTray: 'Keep Berth in the tray when its window closes',
    startAtLogin: 'Start Berth when I log in',
    browserOnly: 'Only in the desktop app: in browser mode Berth runs as a server you start yourself.',
    notificationsBrowser: 'Desktop notifications come from the desktop app; in browser mode this setting is kept for it.',
  },
} as const;
