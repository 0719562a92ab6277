import type { EngineEvent } from '../engine/connection/events-hub';
import { notificationStrings as s } from './notification-strings';

// Which engine events deserve a desktop notification, as a pure state machine over the
// engine's own events stream: nothing is asked of the engine, and a clock is injected
// so the time windows are tested without waiting.

export type NotificationReason = 'exited' | 'oom' | 'unhealthy';

export interface ContainerNotification {
  containerId: string;
  name: string;
  reason: NotificationReason;
  title: string;
  body: string;
}

export interface NotificationRulesOptions {
  /** Milliseconds since the epoch; injected so tests control time. */
  now?: () => number;
  /** At most one notification per container in this window. */
  rateLimitMs?: number;
  /**
   * A die this soon after a kill or stop event (or an OOM kill) for the same container
   * was asked for, so it is not "unexpected". Generous: a stop waits out the container's
   * stop timeout (10 s by default) before the engine sends SIGKILL, and that second
   * kill event restarts the window.
   */
  expectedExitWindowMs?: number;
  /** The user's setting; while it is off nothing is emitted and the rate limit is not spent. */
  isEnabled?: () => boolean;
}

export interface NotificationRules {
  /** Feeds one engine event; returns the notification it calls for, if any. */
  onEvent(event: EngineEvent): ContainerNotification | null;
  /**
   * Berth itself is about to stop, kill, restart or remove this container: its next exit
   * is expected even on an engine that reports the stop only after the exit.
   */
  expectExit(containerId: string): void;
}

export const DEFAULT_RATE_LIMIT_MS = 60_000;
export const DEFAULT_EXPECTED_EXIT_WINDOW_MS = 60_000;

/**
 * Actions that mean someone asked the container to go: `docker stop` sends `kill`
 * (SIGTERM, later SIGKILL) before the `die`, `docker kill` and `docker rm -f` send `kill`,
 * and some engines report `stop` first. A `die` after one of these is not a crash,
 * whatever the exit code (137 and 143 are the signals' usual codes, but a process
 * may trap SIGTERM and exit with anything).
 */
const STOP_REQUEST_ACTIONS = new Set(['kill', 'stop']);

export function createNotificationRules(options: NotificationRulesOptions = {}): NotificationRules {
  const now = options.now ?? Date.now;
  const rateLimitMs = options.rateLimitMs ?? DEFAULT_RATE_LIMIT_MS;
  const expectedWindowMs = options.expectedExitWindowMs ?? DEFAULT_EXPECTED_EXIT_WINDOW_MS;
  /** containerId → when its exit became expected (stop/kill requested, or OOM-killed). */
  const exitExpectedAt = new Map<string, number>();
  /** containerId → when it was last notified about. */
  const notifiedAt = new Map<string, number>();

  const exitIsExpected = (id: string, t: number) => {
    const since = exitExpectedAt.get(id);
    return since !== undefined && t - since <= expectedWindowMs;
  };

  /** Applies the rate limit and records the notification. */
  const emit = (n: ContainerNotification, t: number): ContainerNotification | null => {
    if (options.isEnabled && !options.isEnabled()) return null;
    const last = notifiedAt.get(n.containerId);
    if (last !== undefined && t - last < rateLimitMs) return null;
    notifiedAt.set(n.containerId, t);
    return n;
  };

  /** Old entries are useless; dropping them keeps the maps as small as the recent activity. */
  const prune = (t: number) => {
    for (const [id, at] of exitExpectedAt) if (t - at > expectedWindowMs) exitExpectedAt.delete(id);
    for (const [id, at] of notifiedAt) if (t - at >= rateLimitMs) notifiedAt.delete(id);
  };

  return {
    expectExit(containerId) {
      exitExpectedAt.set(containerId, now());
    },
    onEvent(event) {
      if (event.type !== 'container') return null;
      const t = now();
      prune(t);
      const id = event.id;
      const name = containerName(event);
      const action = event.action;

      if (STOP_REQUEST_ACTIONS.has(action)) {
        exitExpectedAt.set(id, t);
        return null;
      }
      if (action === 'destroy') {
        exitExpectedAt.delete(id);
        notifiedAt.delete(id);
        return null;
      }
      if (action === 'oom') {
        // The die that follows (exit 137, no kill event) is the same story: tell it once.
        exitExpectedAt.set(id, t);
        return emit({ containerId: id, name, reason: 'oom', title: s.oomTitle(name), body: s.oomBody }, t);
      }
      if (action === 'die') {
        const expected = exitIsExpected(id, t);
        // One request explains one exit: a later crash after a restart is news again.
        exitExpectedAt.delete(id);
        const exitCode = Number.parseInt(event.attributes.exitCode ?? '', 10);
        if (expected || !Number.isFinite(exitCode) || exitCode === 0) return null;
        return emit({ containerId: id, name, reason: 'exited', title: s.exitedTitle(name), body: s.exitedBody(exitCode) }, t);
      }
      if (healthOf(action) === 'unhealthy') {
        return emit({ containerId: id, name, reason: 'unhealthy', title: s.unhealthyTitle(name), body: s.unhealthyBody }, t);
      }
      return null;
    },
  };
}

/** "health_status: unhealthy" → "unhealthy" (engines differ in the spacing). */
function healthOf(action: string): string | null {
  const m = /^health_status\s*:\s*(\S+)/.exec(action);
  return m ? m[1]! : null;
}

function containerName(event: EngineEvent): string {
  const name = event.attributes.name;
  return name ? name.replace(/^\//, '') : event.id.slice(0, 12);
}
