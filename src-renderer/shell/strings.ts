/** User-visible strings of the app shell and engine status. */
export const shellStrings = {
  appName: 'Berth',
  nav: {
    label: 'Main',
    containers: 'Containers',
    images: 'Images',
    volumes: 'Volumes',
    diskUsage: 'Disk usage',
    registries: 'Registries',
    settings: 'Settings',
    networks: 'Networks',
    activity: 'Activity',
    collapse: 'Collapse sidebar',
    collapseShort: 'Collapse',
    expand: 'Expand sidebar',
  },
  status: {
    region: 'Engine status',
    connected: 'Connected',
    connecting: 'Connecting…',
    unreachable: 'Unreachable',
    /** The word for an engine that is there but unusable, by the status's problem. */
    problem: { failing: 'Failing', refusing: 'Refusing requests', 'not-answering': 'Not answering' } as Partial<
      Record<string, string>
    >,
    serverLost: 'Lost connection to the Berth server. Reconnecting…',
    api: (v: string) => `API ${v}`,
    endpointChanged: (from: string) => `Endpoint changed (was ${from})`,
    endpointChangedNotice: (from: string, to: string) =>
      `The engine endpoint changed from ${from} to ${to}: Berth now works with that engine. ` +
      'If you did not change it, check Settings → Engine.',
  },
  unreachable: {
    title: 'Cannot reach the container engine',
    /** Titles for an engine that answers but cannot be used; anything else keeps `title`. */
    problemTitles: {
      failing: 'The container engine is running but failing',
      refusing: "The container engine refuses Berth's requests",
      'not-answering': 'The container engine does not answer',
    } as Partial<Record<string, string>>,
    endpoint: 'Endpoint tried',
    noEndpoint: 'No engine endpoint found',
    error: 'Error',
    hint: 'What to do',
    retryIn: (seconds: number) => (seconds > 0 ? `Next automatic retry in ${seconds} s.` : 'Retrying…'),
    retryNow: 'Retry now',
    retryFailed: (message: string) => `Retry failed: ${message}`,
  },
  /** Shown while the engine does not answer, on every page and on every action it disables. */
  stale: {
    unreachable: 'The engine is unreachable: this cannot be done until it is back.',
    connecting: 'Connecting to the engine: this can be done once it answers.',
    serverLost: 'Lost connection to the Berth server: this can be done once it is back.',
    asOf: (time: string) => `Not live — as of ${time}`,
    asOfLabel: 'The list is not live',
  },
  banner: {
    title: 'Cannot reach the container engine',
    serverTitle: 'Lost connection to the Berth server',
    serverText: 'Berth keeps trying; what is on screen is as it was.',
    endpoint: (endpoint: string) => `Endpoint: ${endpoint}`,
  },
  notFound: { title: 'Page not found', back: 'Go to containers' },
  /** A part of the window that threw while drawing (FailureBoundary). */
  failure: {
    pageTitle: 'This page could not be shown',
    appTitle: 'Berth could not draw its window',
    what: (message: string) => `What went wrong: ${message}`,
    hint: 'The rest of Berth still works. Try again, or reload the window; if it keeps happening, the browser console has the details for a bug report.',
    retry: 'Try again',
    reload: 'Reload window',
  },
  notices: { region: 'Notifications', dismiss: 'Dismiss' },
} as const;
