import { describe, expect, it } from 'vitest';
import { fuzzyMatch, rankByFuzzy } from './fuzzy';

const rank = (query: string, texts: string[]) => rankByFuzzy(query, texts, (t) => t).map((r) => r.item);

describe('fuzzyMatch', () => {
  it('matches the query characters in order, ignoring case, and nothing else', () => {
    expect(fuzzyMatch('WEB', 'web-1')).not.toBeNull();
    expect(fuzzyMatch('wb1', 'web-1')?.positions).toEqual([0, 2, 4]);
    expect(fuzzyMatch('1bw', 'web-1')).toBeNull();
    expect(fuzzyMatch('webx', 'web-1')).toBeNull();
    expect(fuzzyMatch('toolongquery', 'web')).toBeNull();
  });

  it('matches everything with an empty query', () => {
    expect(fuzzyMatch('  ', 'anything')).toEqual({ score: 0, positions: [] });
  });

  it('prefers word starts when picking which characters matched', () => {
    // "s" could be the s of "postgres"; the start of "stop" is what was meant.
    expect(fuzzyMatch('sw', 'Stop web-1')?.positions).toEqual([0, 5]);
    expect(fuzzyMatch('ol', 'Open logs of web-1')?.positions).toEqual([0, 5]);
  });
});

describe('rankByFuzzy', () => {
  it('puts an exact name before a longer one that starts with it', () => {
    expect(rank('web', ['web-1-sidecar', 'web', 'my-web'])).toEqual(['web', 'web-1-sidecar', 'my-web']);
  });

  it('puts a prefix before a match inside a word', () => {
    expect(rank('db', ['mongodb', 'db-primary'])).toEqual(['db-primary', 'mongodb']);
  });

  it('puts a substring before a scattered subsequence', () => {
    expect(rank('api', ['a-pretty-item', 'gateway-api'])).toEqual(['gateway-api', 'a-pretty-item']);
  });

  it('puts word-start initials before scattered letters', () => {
    expect(rank('rw', ['browser-worker', 'restart-web'])).toEqual(['restart-web', 'browser-worker']);
    expect(rank('gtc', ['go to containers', 'got a cat'])[0]).toBe('go to containers');
  });

  it('puts the shorter text first when the match is the same', () => {
    expect(rank('stop', ['Stop web-1-long-name', 'Stop web-1'])).toEqual(['Stop web-1', 'Stop web-1-long-name']);
  });

  it('drops what does not match and keeps the given order on ties', () => {
    expect(rank('', ['b', 'a', 'c'])).toEqual(['b', 'a', 'c']);
    expect(rank('zz', ['a', 'b'])).toEqual([]);
  });
});
