import { useBerthStore } from '../store/store';
import type { BerthState } from '../store/types';

/** The first screen has what it waits for: the container list, why it failed, or word that the engine is not there. */
const firstScreenReady = (s: BerthState) =>
  s.containersLoaded || s.containersLoadError !== null || s.engineStatus?.state === 'unreachable';

/**
 * At the latest this long after start-up the first screen counts as ready anyway: call
 * answers wait for it (api/client.ts), so no state the rule above misses (a server that
 * cannot be reached, an engine that connects and never lists) may hold them for ever.
 */
const FIRST_SCREEN_CAP_MS = 3_000;

const whenIdle = (task: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 200);

let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));

if (firstScreenReady(useBerthStore.getState())) markReady();
else {
  const unsubscribe = useBerthStore.subscribe((s) => {
    if (!firstScreenReady(s)) return;
    unsubscribe();
    markReady();
  });
  setTimeout(() => {
    unsubscribe();
    markReady();
  }, FIRST_SCREEN_CAP_MS);
}

/** Settles once the first screen has its data (without waiting for an idle moment). */
export function whenFirstScreenReady(): Promise<void> {
  return ready;
}

/**
 * Runs `task` in an idle moment once the first screen has its data. Work the first screen
 * does not need (other views' code, writing the launch token to storage) waits for this:
 * the main thread is otherwise free while the list is on its way, and a Chromium trace of
 * the container list's first open showed such work (parsing xterm's 0.5 MB chunk) landing
 * just as the list arrived and delaying its first render.
 */
export function afterFirstScreen(task: () => void): void {
  void ready.then(() => whenIdle(task));
}

/**
 * Runs `task` once the next frame has been painted (a frame's animation callbacks run just
 * before its paint; a task queued from there runs after it). A hidden tab paints no frames:
 * there the task runs after `capMs` instead.
 */
export function afterNextPaint(task: () => void, capMs = 500): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(cap);
    task();
  };
  const cap = setTimeout(once, capMs);
  requestAnimationFrame(() => setTimeout(once));
}
