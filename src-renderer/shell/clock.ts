import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';

// One clock for every relative time on screen ("Up 5 minutes", "3 minutes ago"). Each
// text says when it next reads differently, and one timer wakes up at the earliest of
// those moments and tells only the texts that are due: a table of minutes ticks once a
// minute, a container started a few seconds ago once a second until it reaches a
// minute, and nothing re-renders whose words did not change. It never calls the engine.

interface Subscriber {
  /** When this text next changes (Unix ms), or null when it never will. */
  due(now: number): number | null;
  notify(): void;
}

export interface Clock {
  subscribe(subscriber: Subscriber): () => void;
  /** A subscriber's facts changed (a container restarted): its next change may be sooner. */
  reschedule(): void;
  /** Timers armed so far (for tests: one per wake-up, not one per text). */
  readonly wakeUps: number;
}

/** Timers are injectable so the scheduling can be tested without waiting. */
export function createClock(
  now: () => number = Date.now,
  setTimer: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle: unknown) => void = (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
): Clock {
  /** Each subscriber with the due time it last gave. */
  const subscribers = new Map<Subscriber, number | null>();
  let timer: unknown = null;
  let timerAt = Infinity;
  let wakeUps = 0;

  const schedule = () => {
    const t = now();
    let next = Infinity;
    for (const s of subscribers.keys()) {
      const due = s.due(t);
      subscribers.set(s, due);
      if (due !== null && due < next) next = due;
    }
    if (next === timerAt) return;
    if (timer !== null) clearTimer(timer);
    timer = null;
    timerAt = next;
    if (next === Infinity) return;
    wakeUps += 1;
    timer = setTimer(wake, Math.max(0, next - t));
  };

  function wake(): void {
    timer = null;
    timerAt = Infinity;
    const t = now();
    // By the due time each gave when the timer was armed: a late timer still wakes them.
    for (const [s, due] of [...subscribers]) if (due !== null && due <= t) s.notify();
    schedule();
  }

  return {
    subscribe(subscriber) {
      const due = subscriber.due(now());
      subscribers.set(subscriber, due);
      if (due !== null && due < timerAt) schedule();
      return () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0) schedule();
      };
    },
    reschedule: () => schedule(),
    get wakeUps() {
      return wakeUps;
    },
  };
}

export const uiClock = createClock();

/**
 * A text that depends on the time: `text(now)` renders it, `changesAt(now)` says when it
 * next reads differently. The component re-renders only when its words change.
 */
export function useTimeText(text: (now: number) => string, changesAt: (now: number) => number | null, clock: Clock = uiClock): string {
  const latest = useRef({ text, changesAt });
  latest.current = { text, changesAt };
  const subscribe = useCallback(
    (notify: () => void) => clock.subscribe({ due: (t) => latest.current.changesAt(t), notify }),
    [clock],
  );
  // After a render with new facts the next change may come sooner than the timer.
  useEffect(() => clock.reschedule());
  const read = () => latest.current.text(Date.now());
  // The same read when rendered to a string (the components' unit tests do).
  return useSyncExternalStore(subscribe, read, read);
}
