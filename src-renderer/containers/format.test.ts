import { describe, expect, it } from 'vitest';
import { formatBytes, formatFullDate, formatRelativeTime } from './format';

const en = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const now = 1_700_000_000_000;
const ago = (seconds: number) => formatRelativeTime(now / 1000 - seconds, now, en);

describe('formatRelativeTime', () => {
  it.each([
    [5, 'now'],
    [59, 'now'],
    [60, '1 minute ago'],
    [3 * 60 + 30, '3 minutes ago'],
    [3600, '1 hour ago'],
    [5 * 3600, '5 hours ago'],
    [86400, 'yesterday'],
    [3 * 86400, '3 days ago'],
    [14 * 86400, '2 weeks ago'],
    [65 * 86400, '2 months ago'],
    [800 * 86400, '2 years ago'],
  ])('%i seconds → %s', (seconds, expected) => expect(ago(seconds)).toBe(expected));

  it('reads future times (clock skew) forwards', () => {
    expect(ago(-120)).toBe('in 2 minutes');
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [256 * 1024 * 1024, '256 MiB'],
    [2 * 1024 ** 3, '2.0 GiB'],
  ])('%i → %s', (bytes, expected) => expect(formatBytes(bytes)).toBe(expected));
});

describe('formatFullDate', () => {
  it('shows what Date#toLocaleString shows, from one formatter', () => {
    for (const seconds of [0, 1_700_000_000, 1_764_806_400, 2_000_000_123]) {
      expect(formatFullDate(seconds)).toBe(new Date(seconds * 1000).toLocaleString());
    }
  });
});
