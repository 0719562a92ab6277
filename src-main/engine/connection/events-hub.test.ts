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

  it('ignores what is not an event', () => {
    expect(toEngineEvent(null)).toBeNull();
    expect(toEngineEvent({ message: 'x' })).toBeNull();
  });
});
