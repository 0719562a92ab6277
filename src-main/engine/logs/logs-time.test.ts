import { describe, expect, it } from 'vitest';
import { lineTimestampHasFraction, sinceAfterLine, untilBeforeLine } from './logs-time';

describe('sinceAfterLine', () => {
  it('is one nanosecond after the line timestamp', () => {
    expect(sinceAfterLine('2024-05-01T10:00:00.123456789Z hello')).toBe('1714557600.123456790');
    expect(sinceAfterLine('2024-05-01T10:00:00.5Z x')).toBe('1714557600.500000001');
    expect(sinceAfterLine('2024-05-01T10:00:00Z x')).toBe('1714557600.000000001');
  });

  it('carries into the next second', () => {
    expect(sinceAfterLine('2024-05-01T10:00:00.999999999Z x')).toBe('1714557601.000000000');
  });

  it('is null for a line without a timestamp', () => {
    expect(sinceAfterLine('hello')).toBeNull();
  });
});

describe('untilBeforeLine', () => {
  it('is one nanosecond before the line timestamp, borrowing from the second', () => {
    expect(untilBeforeLine('2024-05-01T10:00:00.123456789Z hello')).toBe('1714557600.123456788');
    expect(untilBeforeLine('2024-05-01T10:00:00Z x')).toBe('1714557599.999999999');
  });

  it('is null for a line without a timestamp', () => {
    expect(untilBeforeLine('hello')).toBeNull();
  });
});

describe('lineTimestampHasFraction', () => {
  it('tells nanosecond timestamps (Docker) from whole seconds (Podman 4.x compat endpoint)', () => {
    expect(lineTimestampHasFraction('2024-05-01T10:00:00.123456789Z hello')).toBe(true);
    expect(lineTimestampHasFraction('2024-05-01T10:00:00.000000000Z hello')).toBe(true);
    expect(lineTimestampHasFraction('2024-05-01T10:00:00Z hello')).toBe(false);
    expect(lineTimestampHasFraction('hello')).toBeNull();
  });
});
