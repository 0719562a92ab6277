import type { EngineConnection } from './connection';
import type { RawEvent } from './engine-types';
import { createJsonLinesParser } from './json-lines';

/** Open on purpose: images, volumes and networks join later without changing listeners. */
export type EngineEventType = 'container' | 'image' | 'volume' | 'network' | (string & {});

export interface EngineEvent {
  type: EngineEventType;
  /** e.g. "start", "die", "destroy", "health_status: healthy", "exec_start: sh". */
  action: string;
  /** The object's id (for images and volumes, possibly a name). */
  id: string;
  attributes: Record<string, string>;
  timeNano: number;
}

export interface EventsListener {
  onEvent?(event: EngineEvent): void;
  /**
   * The stream was (re)opened: events may have been missed, so listeners rebuild
   * their state from a full list. Called after the stream is open, so nothing that
   * happens during the relist is lost.
   */
  onResync?(): void;
}

export interface EventsHub {
  subscribe(listener: EventsListener): () => void;
  /** Asks every listener to rebuild its state now (Retry after a failed load); reconnects when the stream is not open. */
  resync(): void;
  dispose(): void;
}

/** Turns one `/events` line into an EngineEvent; null for lines that are not events. */
export function toEngineEvent(raw: unknown): EngineEvent | null {
  if (!raw || typeof raw !== 'object') return null;
  const e = raw as RawEvent;
  const type = e.Type;
  const action = e.Action ?? e.status;
  const attributes = e.Actor?.Attributes ?? {};
  // Podman sends a volume's (and a pulled image's) events with an empty Actor.ID and the
  // name in the attributes, where Docker puts the name in the ID.
  const id = e.Actor?.ID || e.id || (typeof attributes.name === 'string' ? attributes.name : e.Actor?.ID);
  if (typeof type !== 'string' || typeof action !== 'string' || typeof id !== 'string') return null;
  const timeNano = typeof e.timeNano === 'number' ? e.timeNano : (e.time ?? 0) * 1e9;
  return { type, action, id, attributes, timeNano };
}

/**
 * Owns the one `/events` subscription. It is open exactly while the connection says
 * connected; when it ends or fails the connection is told, which re-checks the engine
 * and, once connected again, reopens the stream and asks everyone to resync.
 */
export function createEventsHub(
  connection: EngineConnection,
  types: readonly EngineEventType[] = ['container'],
): EventsHub {
  const listeners = new Set<EventsListener>();
  let generation = 0;
  let stream: (NodeJS.ReadableStream & { destroy(): void }) | null = null;
  let disposed = false;

  const close = () => {
    generation += 1;
    const old = stream;
    stream = null;
    old?.destroy();
  };

  const emit = (fn: (l: EventsListener) => void) => {
    for (const listener of [...listeners]) fn(listener);
  };

  async function open(): Promise<void> {
    close();
    const gen = generation;
    const client = connection.client();
    if (!client) return;
    let opened: NodeJS.ReadableStream & { destroy(): void };
    try {
      opened = await client.getEvents({ type: [...types] });
    } catch (err) {
      if (gen === generation && !disposed) connection.reportLost(err);
      return;
    }
    if (gen !== generation || disposed) {
      opened.destroy();
      return;
    }
    stream = opened;
    connection.reportOpened();
    const parser = createJsonLinesParser((value) => {
      const event = toEngineEvent(value);
      if (event && gen === generation) emit((l) => l.onEvent?.(event));
    });
    let lost = false;
    const onLost = (err?: unknown) => {
      if (lost || gen !== generation || disposed) return;
      lost = true;
      stream = null;
      connection.reportLost(err ?? new Error('the events stream ended'));
    };
    opened.on('data', (chunk: Buffer | string) => parser.push(chunk));
    opened.on('error', onLost);
    opened.on('end', () => onLost());
    opened.on('close', () => onLost());
    emit((l) => l.onResync?.());
  }

  const unsubscribeStatus = connection.onStatus((status) => {
    if (status.state === 'connected') void open();
    else close();
  });
  if (connection.current().state === 'connected') void open();

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resync() {
      if (stream) emit((l) => l.onResync?.());
      else connection.reconnectNow();
    },
    dispose() {
      disposed = true;
      unsubscribeStatus();
      close();
      listeners.clear();
    },
  };
}
