/**
 * A small fuzzy matcher for the command palette: the query's characters must appear in
 * order in the text (case-insensitive). The score rewards what people mean when they
 * type a few letters: a prefix, the start of a word ("w1" → "web-1"), runs of
 * consecutive characters, and short texts; gaps cost a little.
 */
export interface FuzzyMatch {
  score: number;
  /** Indexes in the text of the matched characters, for highlighting. */
  positions: number[];
}

const WORD_SEPARATORS = /[\s\-_./:@]/;

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text[i - 1]!;
  if (WORD_SEPARATORS.test(prev)) return true;
  // camelCase and letter→digit boundaries count as word starts too.
  const cur = text[i]!;
  return (/[a-z]/.test(prev) && /[A-Z]/.test(cur)) || (/[a-zA-Z]/.test(prev) && /[0-9]/.test(cur));
}

/**
 * Scores `text` against `query`; null when the characters do not all appear in order.
 * An empty query matches everything with score 0.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (q === '') return { score: 0, positions: [] };
  const lower = text.toLowerCase();

  // A plain substring is the strongest signal: take its best occurrence directly.
  const at = bestSubstring(q, text, lower);
  if (at !== null) {
    const positions = Array.from({ length: q.length }, (_, k) => at + k);
    let score = 100 + q.length * 10;
    if (at === 0) score += 60;
    else if (isWordStart(text, at)) score += 40;
    if (q.length === lower.length) score += 50;
    return { score: score - lower.length * 0.5, positions };
  }

  // Otherwise a subsequence. Most texts fail this cheap check; only the rest pay for the DP.
  const n = q.length;
  const m = lower.length;
  if (n > m || !isSubsequence(q, lower)) return null;
  return bestSubsequence(q, text, lower);
}

function isSubsequence(q: string, lower: string): boolean {
  let i = 0;
  for (let j = 0; j < lower.length && i < q.length; j++) if (lower[j] === q[i]) i++;
  return i === q.length;
}

const NEG = Number.NEGATIVE_INFINITY;
const CONSECUTIVE = 25;
const GAP = -5;
// Scratch rows reused across calls: the palette scores thousands of texts per keystroke.
let scores = new Float64Array(0);
let from = new Int32Array(0);

/**
 * Dynamic programming over (query index i, text index j): the best score of matching
 * q[0..i] with q[i] at text[j]. Each step either continues a run (bonus) or jumps a gap
 * (flat cost), so the best predecessor of a gap is a running maximum: O(n·m).
 */
function bestSubsequence(q: string, text: string, lower: string): FuzzyMatch | null {
  const n = q.length;
  const m = lower.length;
  if (scores.length < n * m) {
    scores = new Float64Array(n * m * 2);
    from = new Int32Array(n * m * 2);
  }
  for (let i = 0; i < n; i++) {
    const row = i * m;
    const prevRow = (i - 1) * m;
    let runBest = NEG;
    let runArg = -1;
    for (let j = 0; j < m; j++) {
      // Predecessors k <= j - 2 (a gap of at least one character).
      if (i > 0 && j >= 2 && scores[prevRow + j - 2]! > runBest) {
        runBest = scores[prevRow + j - 2]!;
        runArg = j - 2;
      }
      scores[row + j] = NEG;
      from[row + j] = -1;
      if (j < i || lower[j] !== q[i]) continue;
      const bonus = (isWordStart(text, j) ? 30 : 0) + (j === 0 ? 15 : 0);
      if (i === 0) {
        scores[row + j] = 10 + bonus - j * 0.5;
        continue;
      }
      const run = j >= 1 ? scores[prevRow + j - 1]! + CONSECUTIVE : NEG;
      const gap = runBest + GAP;
      if (run === NEG && gap === NEG) continue;
      scores[row + j] = Math.max(run, gap) + 10 + bonus;
      from[row + j] = run >= gap ? j - 1 : runArg;
    }
  }
  let end = -1;
  let best = NEG;
  const last = (n - 1) * m;
  for (let j = 0; j < m; j++) {
    if (scores[last + j]! > best) {
      best = scores[last + j]!;
      end = j;
    }
  }
  if (end < 0) return null;
  const positions = new Array<number>(n);
  for (let i = n - 1, j = end; i >= 0; j = from[i * m + j]!, i--) positions[i] = j;
  return { score: best - m * 0.5, positions };
}

function bestSubstring(q: string, text: string, lower: string): number | null {
  let first: number | null = null;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + 1)) {
    if (first === null) first = at;
    if (isWordStart(text, at)) return at;
  }
  return first;
}

/** Items that match, best first; ties keep the given order (stable sort). */
export function rankByFuzzy<T>(query: string, items: readonly T[], textOf: (item: T) => string): { item: T; match: FuzzyMatch }[] {
  const matched: { item: T; match: FuzzyMatch; index: number }[] = [];
  items.forEach((item, index) => {
    const match = fuzzyMatch(query, textOf(item));
    if (match) matched.push({ item, match, index });
  });
  matched.sort((a, b) => b.match.score - a.match.score || a.index - b.index);
  return matched.map(({ item, match }) => ({ item, match }));
}
