/** Every user-visible string of the activity page. */
export const activityStrings = {
  title: 'Activity',
  subtitle: "The engine's events since Berth connected, newest first.",
  filterLabel: 'Filter by name or id',
  filterPlaceholder: 'Name or id',
  typesLabel: 'Show',
  types: { container: 'Containers', image: 'Images', volume: 'Volumes', network: 'Networks' },
  typeWord: { container: 'Container', image: 'Image', volume: 'Volume', network: 'Network', engine: 'Engine' },
  listLabel: 'Engine events',
  count: (shown: number, total: number) => (shown === total ? `${total} events` : `${shown} of ${total} events`),
  capacityNote: (capacity: number) => `Berth keeps the last ${capacity.toLocaleString('en')} events.`,
  empty: 'Nothing has happened on the engine since Berth connected.',
  emptyFiltered: 'No event matches the filter.',
  clearFilters: 'Show all events',
  loading: 'Loading the events…',
  open: (what: string) => `Open ${what}`,
  gone: 'No longer exists',
} as const;

/** Sentences for one event: "Container web-1 started", "Network app: container web-1 connected". */
export const eventWords = {
  container: {
    create: 'created',
    start: 'started',
    restart: 'restarted',
    stop: 'stopped',
    pause: 'paused',
    unpause: 'resumed',
    destroy: 'removed',
    oom: 'ran out of memory',
    update: 'updated',
    commit: 'committed to an image',
    export: 'exported',
    copy: 'had files copied',
    kill: (signal: string | undefined) => (signal ? `received ${signalName(signal)}` : 'killed'),
    die: (code: string | undefined) => (code === undefined ? 'exited' : `exited with code ${code}`),
    rename: (oldName: string | undefined) => (oldName ? `renamed from ${oldName.replace(/^\//, '')}` : 'renamed'),
    health: (status: string) => `is ${status}`,
  },
  image: { pull: 'pulled', push: 'pushed', tag: 'tagged', untag: 'untagged', delete: 'deleted', load: 'loaded', save: 'saved', import: 'imported', prune: 'pruned' },
  volume: { create: 'created', destroy: 'removed', prune: 'pruned', mount: 'mounted', unmount: 'unmounted' },
  network: { create: 'created', destroy: 'removed', remove: 'removed', prune: 'pruned', update: 'updated' },
  sentence: (type: string, name: string, verb: string) => `${type} ${name} ${verb}`,
  byContainer: (sentence: string, container: string) => `${sentence} by ${container}`,
  fromContainer: (sentence: string, container: string) => `${sentence} from ${container}`,
  networkContainer: (network: string, container: string, verb: 'connected' | 'disconnected') => `Network ${network}: container ${container} ${verb}`,
  other: (type: string, name: string, action: string) => `${type} ${name}: ${action}`,
  reconnected: 'Berth reconnected to the engine: events while it was away are not listed.',
} as const;

const SIGNALS: Record<string, string> = { '1': 'SIGHUP', '2': 'SIGINT', '3': 'SIGQUIT', '9': 'SIGKILL', '15': 'SIGTERM', '10': 'SIGUSR1', '12': 'SIGUSR2' };
function signalName(signal: string): string {
  return SIGNALS[signal] ?? signal;
}
