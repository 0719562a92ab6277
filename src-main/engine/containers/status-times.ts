// The container list endpoint has no StartedAt/FinishedAt, only the engine's status
// text at the moment it answered ("Up 44 seconds", "Exited (0) 2 hours ago"). Read at a
// known time, that text bounds when the run started or ended: "Up 44 seconds" at T
// means started in (T−45 s, T−44 s]. That is as exact as the wording (a second while
// seconds are counted, a minute below an hour, half an hour beyond), costs nothing on
// top of the one list Berth asks for anyway, and needs no agreement between the
// engine's clock and ours. Bounds from later answers and the creation time narrow it.
// (bench/status-source.bench.ts: one inspect per container instead would cost far more
// at 1000 containers; see docs/ARCHITECTURE.md, "Status line".)
import type { ContainerState } from '../../../src-common/models/container';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** [lo, hi): the durations go-units words as `text` (the inverse of humanDuration). */
export function durationRange(text: string): [number, number] | null {
  const t = text.trim();
  if (/^less than a second$/i.test(t)) return [0, SECOND];
  if (/^about a minute$/i.test(t)) return [MINUTE, 2 * MINUTE];
  if (/^about an hour$/i.test(t)) return [HOUR, 1.5 * HOUR];
  const m = /^(\d+) (second|minute|hour|day|week|month|year)s?$/i.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  // Hours are rounded (int(h + 0.5)); days, weeks and months are whole counts of those
  // rounded hours, each unit used below a limit (two weeks, two months, two years).
  const roundedHours = (from: number, to: number, below = Infinity): [number, number] => [
    from * HOUR - HOUR / 2,
    Math.min(to, below) * HOUR - HOUR / 2,
  ];
  switch (m[2]!.toLowerCase()) {
    case 'second':
      return [n * SECOND, (n + 1) * SECOND];
    case 'minute':
      return [n * MINUTE, (n + 1) * MINUTE];
    case 'hour':
      return roundedHours(n, n + 1);
    case 'day':
      return roundedHours(24 * n, 24 * (n + 1), 24 * 7 * 2);
    case 'week':
      return roundedHours(24 * 7 * n, 24 * 7 * (n + 1), 24 * 30 * 2);
    case 'month':
      return roundedHours(24 * 30 * n, 24 * 30 * (n + 1), 24 * 365 * 2);
    default:
      return [365 * n * DAY, 365 * (n + 1) * DAY];
  }
}

/** When something happened, as an interval of Unix ms: [earliest, latest]. */
export type TimeBounds = readonly [number, number];

export interface StatusReading {
  /** The run's start, for running and paused containers. */
  started: TimeBounds | null;
  /** The last run's end, for exited and restarting containers. */
  finished: TimeBounds | null;
  exitCode: number | null;
}

/**
 * What the engine's status text says about the container's times, read at `fetchedAt`.
 * Unknown wording (another engine's) gives nulls, and the text is then shown as it is.
 */
export function readStatusText(status: string, fetchedAt: number): StatusReading {
  const none: StatusReading = { started: null, finished: null, exitCode: null };
  const bounds = (words: string): TimeBounds | null => {
    const range = durationRange(words);
    return range ? [fetchedAt - range[1], fetchedAt - range[0]] : null;
  };
  const up = /^Up (.+?)(?: \((?:Paused|healthy|unhealthy|health: starting)\))?$/.exec(status.trim());
  if (up) return { ...none, started: bounds(up[1]!) };
  const ended = /^(?:Exited|Restarting) \((-?\d+)\) (.+) ago$/.exec(status.trim());
  if (ended) return { ...none, finished: bounds(ended[2]!), exitCode: Number(ended[1]) };
  return none;
}

/** The middle of the bounds: at most half the wording's step from the truth. */
export const estimate = (b: TimeBounds | null): number | null => (b === null ? null : Math.round((b[0] + b[1]) / 2));

/**
 * Narrows `fresh` with what was known before, when both describe the same run (they
 * overlap); a run that started again since gives bounds that do not overlap, and those
 * replace the old ones.
 */
export function narrow(old: TimeBounds | null | undefined, fresh: TimeBounds | null, notBefore = Number.NEGATIVE_INFINITY): TimeBounds | null {
  if (fresh === null) return null;
  const lo = Math.max(fresh[0], notBefore);
  const clamped: TimeBounds = lo <= fresh[1] ? [lo, fresh[1]] : fresh;
  if (!old) return clamped;
  const both: TimeBounds = [Math.max(old[0], clamped[0]), Math.min(old[1], clamped[1])];
  return both[0] <= both[1] ? both : clamped;
}

/** Per container, the narrowest bounds seen so far; the watcher keeps one of these. */
export interface StatusTimesMemory {
  /** startedAt, finishedAt and exitCode for a fresh list entry, narrowed by earlier ones. */
  read(id: string, state: ContainerState, status: string, createdSeconds: number, fetchedAt: number): {
    startedAt: number | null;
    finishedAt: number | null;
    exitCode: number | null;
  };
  forget(id: string): void;
  /** Forgets every container but these (after a full list). */
  retain(ids: ReadonlySet<string>): void;
}

export function createStatusTimesMemory(): StatusTimesMemory {
  const known = new Map<string, { started: TimeBounds | null; finished: TimeBounds | null }>();
  return {
    read(id, state, status, createdSeconds, fetchedAt) {
      const reading = readStatusText(status, fetchedAt);
      const old = known.get(id);
      // Nothing starts before it was created (Created is whole seconds, hence the floor).
      const created = createdSeconds > 0 ? createdSeconds * SECOND : Number.NEGATIVE_INFINITY;
      const started = narrow(old?.started, reading.started, created);
      const finished = narrow(old?.finished, reading.finished, created);
      known.set(id, { started: started ?? old?.started ?? null, finished: finished ?? old?.finished ?? null });
      const live = state === 'running' || state === 'paused';
      return {
        startedAt: live ? estimate(started) : null,
        finishedAt: live ? null : estimate(finished),
        exitCode: reading.exitCode,
      };
    },
    forget: (id) => void known.delete(id),
    retain(ids) {
      for (const id of known.keys()) if (!ids.has(id)) known.delete(id);
    },
  };
}
