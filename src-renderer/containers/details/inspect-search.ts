export interface Segment {
  text: string;
  /** Index of the match this segment is, or null for plain text. */
  match: number | null;
}

/** Case-insensitive, non-overlapping occurrences of the query, as [start, end) offsets. */
export function findMatches(text: string, query: string): [number, number][] {
  if (query === '') return [];
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  const out: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    out.push([at, at + needle.length]);
  }
  return out;
}

/** The text cut into plain and matching pieces, for rendering with <mark>. */
export function splitByMatches(text: string, matches: readonly [number, number][]): Segment[] {
  const segments: Segment[] = [];
  let pos = 0;
  matches.forEach(([start, end], i) => {
    if (start > pos) segments.push({ text: text.slice(pos, start), match: null });
    segments.push({ text: text.slice(start, end), match: i });
    pos = end;
  });
  if (pos < text.length || segments.length === 0) segments.push({ text: text.slice(pos), match: null });
  return segments;
}

/** Moves through matches with wrap-around; -1 when there are none. */
export const stepMatch = (current: number, total: number, delta: 1 | -1): number =>
  total === 0 ? -1 : (((current + delta) % total) + total) % total;
