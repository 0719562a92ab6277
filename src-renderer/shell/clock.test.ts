import { describe, expect, it } from 'vitest';
import { createClock } from './clock';

/** A clock on fake time: `advance` runs the timer when its moment comes. */
function fakeTime() {
  let now = 0;
  let timer: { at: number; fn: () => void } | null = null;
  const clock = createClock(
    () => now,
    (fn, ms) => (timer = { at: now + ms, fn }),
    () => (timer = null),
  );
  return {
    clock,
    advance(ms: number) {
      const end = now + ms;
      while (timer && timer.at <= end) {
        now = timer.at;
        const fn = timer.fn;
        timer = null;
        fn();
      }
      now = end;
    },
    pending: () => timer?.at ?? null,
  };
}

describe('the shared clock', () => {
  it('arms one timer for the earliest change and wakes only the texts that are due', () => {
    const t = fakeTime();
    const woken: string[] = [];
    // "seconds" changes every second; "minutes" once a minute.
    t.clock.subscribe({ due: (now) => Math.floor(now / 1000) * 1000 + 1000, notify: () => woken.push('seconds') });
    t.clock.subscribe({ due: (now) => Math.floor(now / 60_000) * 60_000 + 60_000, notify: () => woken.push('minutes') });
    expect(t.pending()).toBe(1000);
    t.advance(3000);
    expect(woken).toEqual(['seconds', 'seconds', 'seconds']);
    t.advance(57_000);
    expect(woken.filter((w) => w === 'minutes')).toHaveLength(1);
    expect(woken.filter((w) => w === 'seconds')).toHaveLength(60);
  });

  it('ticks once a minute when no text counts seconds, and not at all without texts', () => {
    const t = fakeTime();
    let notified = 0;
    const stop = t.clock.subscribe({ due: (now) => Math.floor(now / 60_000) * 60_000 + 60_000, notify: () => notified++ });
    t.advance(10 * 60_000);
    expect(notified).toBe(10);
    // One timer per minute, plus the one armed for the next.
    expect(t.clock.wakeUps).toBe(11);
    stop();
    expect(t.pending()).toBeNull();
  });

  it('never arms a timer for texts that never change', () => {
    const t = fakeTime();
    t.clock.subscribe({ due: () => null, notify: () => {} });
    expect(t.pending()).toBeNull();
  });
});
