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
 * A string whose plain (code unit) order is the natural order of `s`: each symbol or letter
 * becomes its rank, each run of digits a digit mark, its length without leading zeros and
 * those digits, so a longer number sorts after a shorter one and equal lengths compare
 * digit by digit.
 */
function naturalKey(s: string): string {
  let key = '';
  for (let i = 0; i < s.length; ) {
    const code = s.charCodeAt(i);
    if (!isDigit(code)) {
      key += String.fromCharCode(RANK[code] || letterRank(code));
      i++;
      continue;
    }
    let end = i;
    while (end < s.length && isDigit(s.charCodeAt(end))) end++;
    let start = i;
    while (start < end - 1 && s.charCodeAt(start) === 48) start++;
    key += String.fromCharCode(DIGITS, end - start) + s.slice(start, end);
    i = end;
  }
  return key;
}

/**
 * Keys of the names seen so far: a sort of 1000 containers compares each name ~20 times,
 * and the comparison was ~10 ms of the first render's task when each call walked both
 * names. Emptied when it grows past what any list holds.
 */
const keys = new Map<string, string | null>();
const KEYS_MAX = 50_000;

/** The natural key of `s`, or null when it is not plain ASCII (the order above does not cover it). */
function cachedKey(s: string): string | null {
  let key = keys.get(s);
  if (key === undefined) {
    if (keys.size >= KEYS_MAX) keys.clear();
    key = isPlainAscii(s) ? naturalKey(s) : null;
    keys.set(s, key);
  }
  return key;
}

/**
 * `new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare(a, b)` for
 * strings of printable ASCII (see isPlainAscii): letters without regard to case, runs of
 * digits by their value ("web-2" before "web-10"), symbols before digits before letters.
 * Returns -1, 0 or 1; `otherwise(a, b)` when either string is not plain ASCII.
 */
export function compareAsciiNaturally(a: string, b: string, otherwise: (a: string, b: string) => number): number {
  const ka = cachedKey(a);
  const kb = cachedKey(b);
  if (ka === null || kb === null) return otherwise(a, b);
  return ka === kb ? 0 : ka < kb ? -1 : 1;
}
