import type { ActivityEntry, ActivityObjectType } from '../../../src-common/models/activity';
import type { EngineEvent, EventsListener } from '../connection/events-hub';

export const ACTIVITY_CAPACITY = 5_000;

/** The attributes worth keeping; the rest of a container event's attributes are its labels. */
const KEPT_DETAILS = ['exitCode', 'signal', 'image', 'container', 'oldName', 'driver', 'type', 'destination', 'read/write'] as const;
const TYPES = new Set<ActivityObjectType>(['container', 'image', 'volume', 'network']);
/** Container chatter nobody reads as activity: every `docker exec` is three events, every resize one. */
const QUIET = /^(exec_create|exec_start|exec_die|exec_detach|resize|top|archive-path|extract-to-dir|attach|detach)\b/;
/** How many container names to remember for events that name a container only by id (network connect). */
const NAME_MEMORY = 2_000;

export type ActivityListener = (entries: ActivityEntry[]) => void;

export interface ActivityLogDeps {
  events: { subscribe(listener: EventsListener): () => void };
  /** A container's current name from the live list, when it still exists. */
  containerName(id: string): string | undefined;
  now?: () => number;
}

export interface ActivityLog {
  /** Kept entries, oldest first. */
  entries(): ActivityEntry[];
  /** Called with each batch of new entries (usually one). */
  subscribe(listener: ActivityListener): () => void;
  dispose(): void;
}

/**
 * A bounded ring of the engine's events, kept from the moment Berth first connects so the
 * activity page shows what happened before it was opened. It reads the events stream
 * Berth already has and asks the engine nothing: names come from the event's attributes,
 * or for a container named only by id (network connect, volume mount), from the live
 * container list or the names the log has already seen.
 */
export function createActivityLog(deps: ActivityLogDeps, capacity = ACTIVITY_CAPACITY): ActivityLog {
  const ring: (ActivityEntry | undefined)[] = new Array<ActivityEntry | undefined>(capacity);
  let start = 0;
  let size = 0;
  let seq = 0;
  let opened = 0;
  const listeners = new Set<ActivityListener>();
  const knownNames = new Map<string, string>();
  const now = deps.now ?? Date.now;

  function rememberName(id: string, name: string): void {
    knownNames.delete(id);
    knownNames.set(id, name);
    if (knownNames.size > NAME_MEMORY) knownNames.delete(knownNames.keys().next().value!);
  }

  const containerName = (id: string) => deps.containerName(id) ?? knownNames.get(id);

  function push(entry: ActivityEntry): void {
    if (size < capacity) {
      ring[(start + size) % capacity] = entry;
      size++;
    } else {
      ring[start] = entry;
      start = (start + 1) % capacity;
    }
    for (const l of [...listeners]) l([entry]);
  }

  function toEntry(event: EngineEvent): ActivityEntry | null {
    const type = event.type as ActivityObjectType;
    if (!TYPES.has(type) || (type === 'container' && QUIET.test(event.action))) return null;
    const details: Record<string, string> = {};
    for (const key of KEPT_DETAILS) {
      const value = event.attributes[key];
      if (value !== undefined) details[key] = value;
    }
    if (details.container) {
      const name = containerName(details.container);
      if (name) details.containerName = name;
    }
    let name = event.attributes.name ?? '';
    // A pull names the image by its full reference in the id and only the repository in `name`.
    if (type === 'image' && !event.id.startsWith('sha256:')) name = event.id;
    if (type === 'container') {
      if (name) rememberName(event.id, name);
      else name = containerName(event.id) ?? '';
    }
    return { seq: seq++, time: event.timeNano ? Math.floor(event.timeNano / 1e6) : now(), type, action: event.action, id: event.id, name, details };
  }

  const unsubscribe = deps.events.subscribe({
    onEvent(event) {
      const entry = toEntry(event);
      if (entry) push(entry);
    },
    onResync() {
      // Every reopen after the first means the stream was lost: events in between are missing.
      if (opened++ > 0) push({ seq: seq++, time: now(), type: 'engine', action: 'reconnected', id: '', name: '', details: {} });
    },
  });

  return {
    entries() {
      const out: ActivityEntry[] = [];
      for (let i = 0; i < size; i++) out.push(ring[(start + i) % capacity]!);
      return out;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      listeners.clear();
    },
  };
}
