// A container's status line ("Up 5 minutes (healthy)", "Exited (0) 2 hours ago") computed
// from its state and times at a given moment, in Docker's own words, so the list, the
// details header and the tray say what `docker ps` would say now — not what the engine
// said when the container was last fetched. Pure: the caller brings the clock.
import type { ContainerState, HealthState } from './models/container';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * go-units' HumanDuration, the wording of every relative time the docker CLI prints:
 * "Less than a second", "1 second", "N seconds", "About a minute", "N minutes",
 * "About an hour", "N hours" (rounded), "N days" from 48 hours, "N weeks" from two
 * weeks, "N months" from two months, "N years" from two years.
 */
export function humanDuration(ms: number): string {
  const d = Math.max(0, ms);
  const seconds = Math.floor(d / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(d / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(d / HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(Math.floor(d / HOUR) / 24 / 365)} years`;
}

/**
 * How long after `ms` the wording of humanDuration(ms) can next change. Exact below an
 * hour (the next whole second or minute); above it, the next whole or half hour: the
 * rounded hour count moves at half hours, the year count at whole ones, and every day,
 * week and month boundary is one of those.
 */
export function msUntilWordingChanges(ms: number): number {
  const d = Math.max(0, ms);
  if (d < MINUTE) return SECOND - (d % SECOND);
  if (d < HOUR) return MINUTE - (d % MINUTE);
  const half = HOUR / 2;
  return half - (d % half);
}

/** What the status line is computed from. Times are Unix milliseconds; null when unknown. */
export interface StatusFacts {
  state: ContainerState;
  health: HealthState | null;
  /** When the current (or last) run started. */
  startedAt: number | null;
  /** When the last run ended (exited, or before a restart). */
  finishedAt: number | null;
  exitCode: number | null;
  /** The engine's own text, used as it is when the times are unknown. */
  status?: string;
}

const HEALTH_WORDS: Record<HealthState, string> = { healthy: 'healthy', unhealthy: 'unhealthy', starting: 'health: starting' };

/** The time the status line counts from, for the states whose line has one. */
function since(c: StatusFacts): number | null {
  switch (c.state) {
    case 'running':
    case 'paused':
      return c.startedAt;
    case 'restarting':
    case 'exited':
      return c.finishedAt;
    default:
      return null;
  }
}

/**
 * Docker's status line at `now` (container/state.go's String()): "Up 5 minutes",
 * "Up 5 minutes (healthy)", "Up 5 minutes (Paused)", "Restarting (1) 3 seconds ago",
 * "Exited (0) 2 hours ago", "Created", "Dead", "Removal In Progress".
 */
export function statusText(c: StatusFacts, now: number): string {
  const from = since(c);
  const needsTime = c.state === 'running' || c.state === 'paused' || c.state === 'restarting' || c.state === 'exited';
  if (needsTime && from === null) return c.status || fallbackWord(c.state);
  const ago = from === null ? '' : humanDuration(now - from);
  const code = c.exitCode ?? 0;
  switch (c.state) {
    case 'running':
      return c.health ? `Up ${ago} (${HEALTH_WORDS[c.health]})` : `Up ${ago}`;
    case 'paused':
      return `Up ${ago} (Paused)`;
    case 'restarting':
      return `Restarting (${code}) ${ago} ago`;
    case 'exited':
      return `Exited (${code}) ${ago} ago`;
    case 'created':
      return 'Created';
    case 'dead':
      return 'Dead';
    case 'removing':
      return 'Removal In Progress';
  }
}

function fallbackWord(state: ContainerState): string {
  return { running: 'Up', paused: 'Up (Paused)', restarting: 'Restarting', exited: 'Exited' }[state as 'running'] ?? '';
}

/** When statusText(c, ·) next reads differently after `now`, or null when it never will. */
export function statusChangesAt(c: StatusFacts, now: number): number | null {
  const from = since(c);
  if (from === null) return null;
  return now + msUntilWordingChanges(now - from);
}
