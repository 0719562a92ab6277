import { describe, expect, it } from 'vitest';
import { findMatches, splitByMatches, stepMatch } from './inspect-search';

describe('inspect search', () => {
  const text = '{\n  "Name": "/web-1",\n  "Image": "nginx",\n  "name2": "WEB"\n}';

  it('finds case-insensitive matches', () => {
    expect(findMatches(text, 'web').map(([s, e]) => text.slice(s, e))).toEqual(['web', 'WEB']);
    expect(findMatches(text, 'name')).toHaveLength(2);
    expect(findMatches(text, '')).toEqual([]);
    expect(findMatches('aaaa', 'aa')).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('splits the text so that joining the pieces gives it back', () => {
    const matches = findMatches(text, 'web');
    const segments = splitByMatches(text, matches);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.match !== null).map((s) => s.match)).toEqual([0, 1]);
    expect(splitByMatches('abc', [])).toEqual([{ text: 'abc', match: null }]);
  });

  it('steps through matches with wrap-around', () => {
    expect(stepMatch(0, 3, 1)).toBe(1);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});
