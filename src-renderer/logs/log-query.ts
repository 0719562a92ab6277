import { textStart } from './log-buffer';
import { stripAnsi } from './sgr';

/** What a user sees of a stored line: the text after the timestamp, escapes removed. */
export function visibleText(line: string): string {
  const start = textStart(line);
  return stripAnsi(start === 0 ? line : line.slice(start));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive plain-text search; null for an empty query. */
export function createMatcher(query: string): RegExp | null {
  if (query === '') return null;
  return new RegExp(escapeRegExp(query), 'gi');
}

export function lineMatches(matcher: RegExp, text: string): boolean {
  matcher.lastIndex = 0;
  return matcher.test(text);
}

/** [start, end) of every match in `text`. */
export function matchRanges(matcher: RegExp | null, text: string): [number, number][] {
  if (!matcher) return [];
  const ranges: [number, number][] = [];
  matcher.lastIndex = 0;
  for (let m = matcher.exec(text); m; m = matcher.exec(text)) {
    ranges.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) matcher.lastIndex++;
  }
  return ranges;
}
