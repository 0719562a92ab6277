import type { ActivityChunk, ActivityEntry, ActivityObjectType } from '../../src-common/models/activity';

/** The types the page filters by; engine notes (a reconnect) always show. */
export type ActivityTypeFilter = Exclude<ActivityObjectType, 'engine'>;
export const ACTIVITY_TYPES: readonly ActivityTypeFilter[] = ['container', 'image', 'volume', 'network'];

export interface ActivityFilter {
  types: ReadonlySet<ActivityTypeFilter>;
  /** Matches the object's name (contains) or id (prefix), and a network or volume event's container. */
  text: string;
}

/**
 * The activity entries the page shows, kept outside React and the store (up to 5,000
 * rows): the stream's chunks go in, views read a newest-first, filtered array that is
 * computed again only when something changed.
 */
export class ActivityFeed {
  private kept: ActivityEntry[] = [];
  private capacity = 5_000;
  private listeners = new Set<() => void>();
  /** Bumped on every change: what useSyncExternalStore compares. */
  version = 0;
  /** False until the first reset arrived. */
  loaded = false;

  apply(chunk: ActivityChunk): void {
    if (chunk.kind === 'reset') {
      this.kept = [];
      this.capacity = chunk.capacity;
      this.loaded = true;
    } else {
      this.kept.push(...chunk.entries);
      if (this.kept.length > this.capacity) this.kept = this.kept.slice(-this.capacity);
    }
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  /** Newest first. */
  view(filter: ActivityFilter): ActivityEntry[] {
    const text = filter.text.trim().toLowerCase();
    const out: ActivityEntry[] = [];
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const e = this.kept[i]!;
      if (e.type !== 'engine' && !filter.types.has(e.type)) continue;
      if (text !== '' && !matchesText(e, text)) continue;
      out.push(e);
    }
    return out;
  }

  get size(): number {
    return this.kept.length;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

function matchesText(e: ActivityEntry, text: string): boolean {
  if (e.type === 'engine') return false;
  return (
    e.name.toLowerCase().includes(text) ||
    e.id.toLowerCase().startsWith(text) ||
    e.id.toLowerCase().startsWith(`sha256:${text}`) ||
    (e.details.containerName ?? '').toLowerCase().includes(text) ||
    (e.details.container ?? '').startsWith(text)
  );
}
