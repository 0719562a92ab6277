/**
 * What Intl's English relative-time format and natural name order give, without Intl: a
 * page's first Intl formatter loads the locale's data on the main thread (23–39 ms in a
 * trace of the container list's first open, where it held up the socket's handshake and
 * the app's code). For an English page the first screen uses these instead; other
 * languages get Intl (locale-formats.ts). english-formats.test.ts holds both side by side.
 */

type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

/** The words Intl's `numeric: 'auto'` uses for -1, 0 and 1 of a unit, where it has them. */
const NAMED: Partial<Record<Unit, [string, string, string]>> = {
  year: ['last year', 'this year', 'next year'],
  month: ['last month', 'this month', 'next month'],
  week: ['last week', 'this week', 'next week'],
  day: ['yesterday', 'today', 'tomorrow'],
};
const ZERO: Partial<Record<Unit, string>> = { hour: 'this hour', minute: 'this minute', second: 'now' };

/** Whole numbers with a comma every three digits, as English number formatting groups them. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(value, unit)` for whole `value`s. */
export function formatEnglishRelativeTime(value: number, unit: Unit): string {
  const named = NAMED[unit];
  if (named && (value === -1 || value === 0 || value === 1)) return named[value + 1]!;
  if (value === 0) return ZERO[unit] ?? `in 0 ${unit}s`;
  const count = Math.abs(value);
  const words = `${grouped(count)} ${unit}${count === 1 ? '' : 's'}`;
  return value < 0 || Object.is(value, -0) ? `${words} ago` : `in ${words}`;
}

/** Printable ASCII without spaces: container, image and volume names, where the order below holds. */
export const isPlainAscii = (s: string): boolean => /^[\x21-\x7e]*$/.test(s);

/**
 * Where the root collation puts ASCII punctuation and symbols, first to last; all of them
 * come before digits, and digits before letters. Measured from Intl.Collator, held against
 * it by the test.
 */
const SYMBOL_ORDER = '_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const RANK = new Uint8Array(128);
for (let i = 0; i < SYMBOL_ORDER.length; i++) RANK[SYMBOL_ORDER.charCodeAt(i)] = i + 1;
const DIGITS = SYMBOL_ORDER.length + 1;
const LETTERS = DIGITS + 1;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** A letter's place ignoring case (sensitivity 'base'), after every symbol and digit. */
function letterRank(code: number): number {
  return LETTERS + ((code | 0x20) - 97);
}

/**
 * `new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare(a, b)` for
 * strings of printable ASCII (see isPlainAscii): letters without regard to case, runs of
 * digits by their value ("web-2" before "web-10"), symbols before digits before letters.
 * Returns -1, 0 or 1.
 */
export function compareAsciiNaturally(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Compare the two numbers: leading zeros do not count, then the longer is larger,
      // then the first differing digit decides.
      let ea = i;
      while (ea < a.length && isDigit(a.charCodeAt(ea))) ea++;
      let eb = j;
      while (eb < b.length && isDigit(b.charCodeAt(eb))) eb++;
      let sa = i;
      while (sa < ea - 1 && a.charCodeAt(sa) === 48) sa++;
      let sb = j;
      while (sb < eb - 1 && b.charCodeAt(sb) === 48) sb++;
      if (ea - sa !== eb - sb) return ea - sa < eb - sb ? -1 : 1;
      for (let k = 0; k < ea - sa; k++) {
        const da = a.charCodeAt(sa + k);
        const db = b.charCodeAt(sb + k);
        if (da !== db) return da < db ? -1 : 1;
      }
      i = ea;
      j = eb;
      continue;
    }
    const ra = isDigit(ca) ? DIGITS : RANK[ca] || letterRank(ca);
    const rb = isDigit(cb) ? DIGITS : RANK[cb] || letterRank(cb);
    if (ra !== rb) return ra < rb ? -1 : 1;
    i++;
    j++;
  }
  const restA = a.length - i;
  const restB = b.length - j;
  return restA === restB ? 0 : restA < restB ? -1 : 1;
}
