import { describe, expect, it } from 'vitest';
import { humanDuration, msUntilWordingChanges, statusChangesAt, statusText, type StatusFacts } from './container-status';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (go-units wording)', () => {
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1 * S, '1 second'],
    [44 * S, '44 seconds'],
    [59 * S + 999, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [60 * M, 'About an hour'],
    [89 * M, 'About an hour'],
    [90 * M, '2 hours'],
    [2 * H + 29 * M, '2 hours'],
    [2 * H + 30 * M, '3 hours'],
    [47 * H + 29 * M, '47 hours'],
    [47 * H + 30 * M, '2 days'],
    [13 * D, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
  ])('%d ms → %s', (ms, words) => {
    expect(humanDuration(ms)).toBe(words);
  });

  it('never says a negative time (a clock a little behind the engine)', () => {
    expect(humanDuration(-5 * S)).toBe('Less than a second');
  });
});

describe('msUntilWordingChanges', () => {
  it('is the next whole second under a minute, the next minute under an hour, then the next half hour', () => {
    expect(msUntilWordingChanges(44 * S + 300)).toBe(700);
    expect(msUntilWordingChanges(5 * M + 10 * S)).toBe(50 * S);
    expect(msUntilWordingChanges(2 * H + 10 * M)).toBe(20 * M);
  });

  it('lands exactly on a change of wording', () => {
    for (const at of [0, 1500, 59 * S, 61 * S, 59 * M + 1, 89 * M, 2 * H + 31 * M, 47 * H + 1, 13 * D + 5 * H]) {
      const next = at + msUntilWordingChanges(at);
      expect(humanDuration(next - 1)).toBe(humanDuration(at));
    }
  });
});

const base: StatusFacts = { state: 'running', health: null, startedAt: null, finishedAt: null, exitCode: null };
const now = Date.UTC(2026, 0, 1, 12);

describe("statusText (Docker's status line)", () => {
  it.each<[string, Partial<StatusFacts>, string]>([
    ['running', { startedAt: now - 5 * M }, 'Up 5 minutes'],
    ['running and healthy', { startedAt: now - 5 * M, health: 'healthy' }, 'Up 5 minutes (healthy)'],
    ['health starting', { startedAt: now - 3 * S, health: 'starting' }, 'Up 3 seconds (health: starting)'],
    ['unhealthy', { startedAt: now - 2 * H, health: 'unhealthy' }, 'Up 2 hours (unhealthy)'],
    ['paused', { state: 'paused', startedAt: now - 5 * M }, 'Up 5 minutes (Paused)'],
    ['restarting', { state: 'restarting', finishedAt: now - 3 * S, exitCode: 1 }, 'Restarting (1) 3 seconds ago'],
    ['exited', { state: 'exited', startedAt: now - 3 * H, finishedAt: now - 2 * H, exitCode: 0 }, 'Exited (0) 2 hours ago'],
    ['exited with a code', { state: 'exited', finishedAt: now - 40 * S, exitCode: 137 }, 'Exited (137) 40 seconds ago'],
    ['created', { state: 'created' }, 'Created'],
    ['dead', { state: 'dead' }, 'Dead'],
    ['removing', { state: 'removing' }, 'Removal In Progress'],
  ])('%s', (_name, facts, expected) => {
    expect(statusText({ ...base, ...facts }, now)).toBe(expected);
  });

  it('moves on with the clock: an hour later a container is no longer "Up Less than a second"', () => {
    const c = { ...base, startedAt: now };
    expect(statusText(c, now)).toBe('Up Less than a second');
    expect(statusText(c, now + 7 * M)).toBe('Up 7 minutes');
    expect(statusText(c, now + H)).toBe('Up About an hour');
  });

  it("falls back to the engine's words when the time is unknown", () => {
    expect(statusText({ ...base, status: 'Up 3 minutes' }, now)).toBe('Up 3 minutes');
    expect(statusText({ ...base, state: 'exited' }, now)).toBe('Exited');
  });
});

describe('statusChangesAt', () => {
  it('is a second away while the line counts seconds, and never for a line without a time', () => {
    expect(statusChangesAt({ ...base, startedAt: now - 10 * S }, now)).toBe(now + S);
    expect(statusChangesAt({ ...base, startedAt: now - 10 * M - 15 * S }, now)).toBe(now + 45 * S);
    expect(statusChangesAt({ ...base, state: 'created' }, now)).toBeNull();
  });
});
