import { describe, expect, it } from 'vitest';
import { humanDuration, statusText } from '../../../src-common/container-status';
import { createStatusTimesMemory, durationRange, narrow, readStatusText } from './status-times';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const T = Date.UTC(2026, 0, 1, 12);

describe('durationRange (the inverse of humanDuration)', () => {
  // Every duration in the range must be worded as the text, and the ends must be tight.
  it.each([
    'Less than a second',
    '1 second',
    '44 seconds',
    'About a minute',
    '7 minutes',
    'About an hour',
    '2 hours',
    '47 hours',
    '2 days',
    '13 days',
    '2 weeks',
    '8 weeks',
    '2 months',
    '24 months',
  ])('%s', (text) => {
    const [lo, hi] = durationRange(text)!;
    expect(humanDuration(lo)).toBe(text);
    expect(humanDuration(hi - 1)).toBe(text);
    expect(humanDuration(hi)).not.toBe(text);
  });

  it('refuses words it does not know', () => {
    expect(durationRange('a while')).toBeNull();
  });
});

describe('readStatusText', () => {
  it('bounds the start of a running container by the time the text was read', () => {
    expect(readStatusText('Up 44 seconds', T)).toEqual({ started: [T - 45 * S, T - 44 * S], finished: null, exitCode: null });
    expect(readStatusText('Up 5 minutes (healthy)', T).started).toEqual([T - 6 * M, T - 5 * M]);
    expect(readStatusText('Up About an hour (Paused)', T).started).toEqual([T - 1.5 * H, T - H]);
    expect(readStatusText('Up 3 seconds (health: starting)', T).started).toEqual([T - 4 * S, T - 3 * S]);
  });

  it('bounds the end of an exited or restarting container and keeps its exit code', () => {
    expect(readStatusText('Exited (137) 2 hours ago', T)).toEqual({ started: null, finished: [T - 2.5 * H, T - 1.5 * H], exitCode: 137 });
    expect(readStatusText('Restarting (1) Less than a second ago', T)).toEqual({ started: null, finished: [T - S, T], exitCode: 1 });
  });

  it('gives nothing for texts without a time', () => {
    for (const text of ['Created', 'Dead', 'Removal In Progress', '', 'running']) {
      expect(readStatusText(text, T)).toEqual({ started: null, finished: null, exitCode: null });
    }
  });
});

describe('narrow', () => {
  it('intersects bounds of the same run, and takes fresh ones for a new run', () => {
    expect(narrow([0, 100], [50, 150])).toEqual([50, 100]);
    expect(narrow([0, 100], [200, 300])).toEqual([200, 300]);
    expect(narrow(null, [200, 300], 250)).toEqual([250, 300]);
  });
});

describe('status times memory', () => {
  it('"Up Less than a second" read an hour ago reads "Up About an hour" now (the bug: it stayed as the engine said it)', () => {
    const memory = createStatusTimesMemory();
    const times = memory.read('a', 'running', 'Up Less than a second', T / S - 1, T);
    const facts = { state: 'running' as const, health: null, ...times };
    expect(statusText(facts, T + 7 * M)).toBe('Up 7 minutes');
    expect(statusText(facts, T + H)).toBe('Up About an hour');
  });

  it('narrows the start with each answer, and never before the creation time', () => {
    const memory = createStatusTimesMemory();
    const first = memory.read('a', 'running', 'Up 2 hours', T / S - 2 * 3600 + 60, T);
    // Created 1h59m before T, so the 1h30m..2h30m of "2 hours" shrinks to 1h30m..1h59m.
    expect(first.startedAt).toBe(Math.round((T - 2 * H + M + T - 1.5 * H) / 2));
    const later = memory.read('a', 'running', 'Up 2 hours', T / S - 2 * 3600 + 60, T + 50 * M);
    // 50 minutes later it is still "2 hours": started no more than 2h30m before T+50m, so 1h40m..1h30m before T.
    expect(later.startedAt).toBe(Math.round((T - 100 * M + T - 90 * M) / 2));
  });

  it('takes the fresh reading when the container started again', () => {
    const memory = createStatusTimesMemory();
    memory.read('a', 'running', 'Up 3 hours', 0, T);
    expect(memory.read('a', 'running', 'Up Less than a second', 0, T + M).startedAt).toBe(T + M - 500);
  });

  it('gives an exited container its end time and exit code, and no start', () => {
    const memory = createStatusTimesMemory();
    expect(memory.read('a', 'exited', 'Exited (3) 10 seconds ago', 0, T)).toEqual({ startedAt: null, finishedAt: T - 10.5 * S, exitCode: 3 });
  });
});
