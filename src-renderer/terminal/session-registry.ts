/**
 * Terminal sessions live here, outside React's tree, so a session (its xterm and its
 * stream) survives switching tabs: the tab only attaches the session's element on mount
 * and detaches it on unmount. Closing a session is the one way to end it.
 */
export interface RegisteredSession {
  readonly key: number;
  readonly label: string;
  readonly containerId: string;
  dispose(): void;
}

export interface SessionRegistry<S extends RegisteredSession> {
  list(containerId: string): readonly S[];
  /** Creates the next numbered session ("Session 1", "Session 2"…) of a container. */
  create(containerId: string, make: (key: number, label: string) => S): S;
  close(key: number): void;
  get(key: number): S | undefined;
  /** The selected session of each container, remembered across tab switches. */
  selected(containerId: string): number | undefined;
  select(containerId: string, key: number): void;
  /** Any change (a session added, closed, selected, or its own state changed). */
  subscribe(listener: () => void): () => void;
  notify(): void;
  /** Bumps on every change; for useSyncExternalStore. */
  version(): number;
}

export function createSessionRegistry<S extends RegisteredSession>(
  label: (n: number) => string,
): SessionRegistry<S> {
  const byContainer = new Map<string, S[]>();
  const counters = new Map<string, number>();
  const selection = new Map<string, number>();
  const listeners = new Set<() => void>();
  let nextKey = 1;
  let version = 0;
  const EMPTY: readonly S[] = [];

  const notify = () => {
    version++;
    for (const l of [...listeners]) l();
  };
  const find = (key: number): S | undefined => {
    for (const sessions of byContainer.values()) {
      const s = sessions.find((x) => x.key === key);
      if (s) return s;
    }
    return undefined;
  };

  return {
    list: (containerId) => byContainer.get(containerId) ?? EMPTY,
    create(containerId, make) {
      const n = (counters.get(containerId) ?? 0) + 1;
      counters.set(containerId, n);
      const session = make(nextKey++, label(n));
      // A new array each time, so React sees the change.
      byContainer.set(containerId, [...(byContainer.get(containerId) ?? []), session]);
      selection.set(containerId, session.key);
      notify();
      return session;
    },
    close(key) {
      const session = find(key);
      if (!session) return;
      const sessions = (byContainer.get(session.containerId) ?? []).filter((s) => s.key !== key);
      if (sessions.length) byContainer.set(session.containerId, sessions);
      else byContainer.delete(session.containerId);
      if (selection.get(session.containerId) === key) {
        const last = sessions[sessions.length - 1];
        if (last) selection.set(session.containerId, last.key);
        else selection.delete(session.containerId);
      }
      session.dispose();
      notify();
    },
    get: find,
    selected: (containerId) => selection.get(containerId),
    select(containerId, key) {
      if (selection.get(containerId) === key) return;
      selection.set(containerId, key);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify,
    version: () => version,
  };
}
