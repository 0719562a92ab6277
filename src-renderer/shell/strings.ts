/** User-visible strings of the app shell and engine status. */
export const shellStrings = {
  appName: 'Berth',
  nav: {
    label: 'Main',
    containers: 'Containers',
    images: 'Images',
    registries: 'Registries',
    settings: 'Settings',
    collapse: 'Collapse sidebar',
    collapseShort: 'Collapse',
    expand: 'Expand sidebar',
  },
  status: {
    region: 'Engine status',
    connected: 'Connected',
    connecting: 'Connecting…',
    unreachable: 'Unreachable',
    serverLost: 'Lost connection to the Berth server. Reconnecting…',
    api: (v: string) => `API ${v}`,
    endpointChanged: (from: string) => `Endpoint changed (was ${from})`,
    endpointChangedNotice: (from: string, to: string) =>
      `The engine endpoint changed from ${from} to ${to}: Berth now works with that engine. ` +
      'If you did not change it, check Settings → Engine.',
  },
  unreachable: {
    title: 'Cannot reach the container engine',
    endpoint: 'Endpoint tried',
    noEndpoint: 'No engine endpoint found',
    error: 'Error',
    hint: 'What to do',
    retryIn: (seconds: number) => (seconds > 0 ? `Next automatic retry in ${seconds} s.` : 'Retrying…'),
    retryNow: 'Retry now',
    retryFailed: (message: string) => `Retry failed: ${message}`,
  },
  notFound: { title: 'Page not found', back: 'Go to containers' },
  notices: { region: 'Notifications', dismiss: 'Dismiss' },
} as const;
