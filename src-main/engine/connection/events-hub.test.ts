import { describe, expect, it } from 'vitest';
import { toEngineEvent } from './events-hub';

describe('toEngineEvent', () => {
  it('reads the current event format', () => {
    expect(
      toEngineEvent({
        Type: 'container',
        Action: 'health_status: healthy',
        Actor: { ID: 'abc', Attributes: { name: 'web-1' } },
        time: 1,
        timeNano: 1_000_000_001,
      }),
    ).toEqual({ type: 'container', action: 'health_status: healthy', id: 'abc', attributes: { name: 'web-1' }, timeNano: 1_000_000_001 });
  });

  it('falls back to the legacy fields and keeps other types', () => {
    expect(toEngineEvent({ Type: 'image', status: 'pull', id: 'busybox:1', time: 2 })).toMatchObject({
      type: 'image',
      action: 'pull',
      id: 'busybox:1',
      timeNano: 2e9,
    });
  });

  it("takes a Podman volume event's name from its attributes (its Actor.ID is empty)", () => {
    // Recorded from Podman 4.3.1's compatible /events.
    const raw = { status: 'create', Type: 'volume', Action: 'create', Actor: { ID: '', Attributes: { containerExitCode: '0', image: '', name: 'data-1', podId: '' } }, scope: 'local', time: 1796315126, timeNano: 1796315126487000000 };
    expect(toEngineEvent(raw)).toMatchObject({ type: 'volume', action: 'create', id: 'data-1' });
  });

  it('ignores what is not an event', () => {
    expect(toEngineEvent(null)).toBeNull();
    expect(toEngineEvent({ message: 'x' })).toBeNull();
  });
});
