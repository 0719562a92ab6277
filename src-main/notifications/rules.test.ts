import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/connection/events-hub';
import { createNotificationRules, DEFAULT_RATE_LIMIT_MS, type NotificationRulesOptions } from './rules';

/** A clock the test moves by hand. */
function manualClock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function ev(action: string, id = 'c1', attributes: Record<string, string> = {}): EngineEvent {
  return { type: 'container', action, id, attributes: { name: 'web-1', ...attributes }, timeNano: 0 };
}
const die = (exitCode: number, id = 'c1') => ev('die', id, { exitCode: String(exitCode) });

function setup(options: NotificationRulesOptions = {}) {
  const clock = manualClock();
  const rules = createNotificationRules({ now: clock.now, ...options });
  return { clock, rules };
}

describe('notification rules', () => {
  it('notifies when a container exits non-zero by itself, naming it and the exit code', () => {
    const { rules } = setup();
    expect(rules.onEvent(die(1))).toEqual({
      containerId: 'c1',
      name: 'web-1',
      reason: 'exited',
      title: 'web-1 exited unexpectedly',
      body: 'It stopped by itself with exit code 1. Click to see its logs.',
    });
  });

  it('stays quiet for a clean exit and for events that are not about containers', () => {
    const { rules } = setup();
    expect(rules.onEvent(die(0))).toBeNull();
    expect(rules.onEvent(ev('start'))).toBeNull();
    expect(rules.onEvent({ ...die(1), type: 'image' })).toBeNull();
    expect(rules.onEvent(ev('die'))).toBeNull();
  });

  it('treats exits after a stop (kill SIGTERM → die 143 → stop) as expected, whatever the code', () => {
    const { rules, clock } = setup();
    expect(rules.onEvent(ev('kill', 'c1', { signal: '15' }))).toBeNull();
    clock.advance(200);
    expect(rules.onEvent(die(143))).toBeNull();
    expect(rules.onEvent(ev('stop'))).toBeNull();
    // A process that traps SIGTERM may exit with anything.
    rules.onEvent(ev('kill', 'c1', { signal: '15' }));
    expect(rules.onEvent(die(3))).toBeNull();
  });

  it('treats a stop that ran out its timeout (SIGTERM, 10 s, SIGKILL, die 137) as expected', () => {
    const { rules, clock } = setup();
    rules.onEvent(ev('kill', 'c1', { signal: '15' }));
    clock.advance(10_000);
    rules.onEvent(ev('kill', 'c1', { signal: '9' }));
    expect(rules.onEvent(die(137))).toBeNull();
  });

  it('lets one stop request explain one exit only: a later crash is news', () => {
    const { rules, clock } = setup();
    rules.onEvent(ev('kill'));
    expect(rules.onEvent(die(137))).toBeNull();
    rules.onEvent(ev('start'));
    clock.advance(1_000);
    expect(rules.onEvent(die(2))?.reason).toBe('exited');
  });

  it('forgets a stop request after the window, so a much later crash still notifies', () => {
    const { rules, clock } = setup({ expectedExitWindowMs: 30_000 });
    rules.onEvent(ev('kill', 'c1', { signal: '1' }));
    clock.advance(30_001);
    expect(rules.onEvent(die(1))?.reason).toBe('exited');
  });

  it('keeps containers apart: a stop of one does not excuse a crash of another', () => {
    const { rules } = setup();
    rules.onEvent(ev('kill', 'c1'));
    expect(rules.onEvent(die(1, 'c2'))?.containerId).toBe('c2');
  });

  it('honours exits Berth announced before asking (engines that report stop after die)', () => {
    const { rules } = setup();
    rules.expectExit('c1');
    expect(rules.onEvent(die(137))).toBeNull();
  });

  it('notifies an OOM kill once, not again for the die that follows', () => {
    const { rules } = setup({ rateLimitMs: 0 });
    expect(rules.onEvent(ev('oom'))).toMatchObject({ reason: 'oom', title: 'web-1 ran out of memory' });
    expect(rules.onEvent(die(137))).toBeNull();
  });

  it('notifies when a container turns unhealthy, not when it is healthy or starting', () => {
    const { rules } = setup();
    expect(rules.onEvent(ev('health_status: healthy'))).toBeNull();
    expect(rules.onEvent(ev('health_status: starting'))).toBeNull();
    expect(rules.onEvent(ev('health_status: unhealthy'))).toMatchObject({ reason: 'unhealthy', title: 'web-1 is unhealthy' });
  });

  it('sends at most one notification per container per minute', () => {
    const { rules, clock } = setup();
    expect(rules.onEvent(die(1))).not.toBeNull();
    clock.advance(DEFAULT_RATE_LIMIT_MS - 1);
    expect(rules.onEvent(die(1))).toBeNull();
    expect(rules.onEvent(ev('health_status: unhealthy'))).toBeNull();
    expect(rules.onEvent(die(1, 'c2'))).not.toBeNull();
    clock.advance(1);
    expect(rules.onEvent(die(1))).not.toBeNull();
  });

  it('emits nothing while off, and does not spend the rate limit meanwhile', () => {
    let enabled = false;
    const { rules } = setup({ isEnabled: () => enabled });
    expect(rules.onEvent(die(1))).toBeNull();
    enabled = true;
    expect(rules.onEvent(die(1))).not.toBeNull();
  });

  it('still tracks stop requests while off', () => {
    let enabled = false;
    const { rules } = setup({ isEnabled: () => enabled });
    rules.onEvent(ev('kill'));
    enabled = true;
    expect(rules.onEvent(die(143))).toBeNull();
  });

  it('uses the short id when the event has no name, and strips a leading slash', () => {
    const { rules } = setup({ rateLimitMs: 0 });
    const id = 'a'.repeat(64);
    expect(rules.onEvent({ type: 'container', action: 'die', id, attributes: { exitCode: '1' }, timeNano: 0 })?.name).toBe('a'.repeat(12));
    expect(rules.onEvent(ev('die', 'c3', { exitCode: '1', name: '/db' }))?.name).toBe('db');
  });

  it('forgets a destroyed container', () => {
    const { rules } = setup();
    expect(rules.onEvent(die(1))).not.toBeNull();
    rules.onEvent(ev('destroy'));
    // A new container could reuse nothing of it; the id is gone, so is its rate limit.
    expect(rules.onEvent(die(1))).not.toBeNull();
  });
});
