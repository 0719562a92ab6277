import { compareAsciiNaturally, formatEnglishRelativeTime } from './english-formats';

/**
 * The locale-aware formatters the containers list uses (relative and full dates, its name
 * sort), each made once, on first use.
 *
 * A page's first Intl formatter loads the browser's locale data on the main thread: 23–39 ms
 * in traces of the list's first open, where it held up the socket's handshake and the
 * processing of the app's code. So the first screen uses none: on an English page relative
 * times and the name order come from english-formats.ts (the same text and order Intl
 * gives), and full dates, which only titles show, wait until `prepareLocaleFormats` has run
 * after the first screen (see useFullDatesReady). Other languages get Intl on first use.
 */
export interface RelativeTimeFormatter {
  format(value: number, unit: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second'): string;
}

export interface NameCollator {
  compare(a: string, b: string): number;
}

let relativeTime: RelativeTimeFormatter | undefined;
let fullDate: Intl.DateTimeFormat | undefined;
let natural: NameCollator | undefined;
let intlNatural: Intl.Collator | undefined;

/** The page's language is English (Intl's default locale is the browser's language too). */
const isEnglishPage = (): boolean => typeof navigator !== 'undefined' && /^en(-|$)/i.test(navigator.language);

const intlCollator = () => (intlNatural ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));
/** Made only when a name that is not plain ASCII is compared. */
const compareWithIntl = (a: string, b: string): number => intlCollator().compare(a, b);

/** "3 minutes ago", "yesterday": the user's locale, numbers only where no word fits. */
export const relativeTimeFormat = (): RelativeTimeFormatter =>
  (relativeTime ??= isEnglishPage() ? { format: formatEnglishRelativeTime } : new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }));

/** What Date#toLocaleString() shows, with one formatter instead of one per call. */
export const fullDateFormat = (): Intl.DateTimeFormat =>
  (fullDate ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));

/** Names in the order a person expects: case-insensitive, "web-2" before "web-10". */
export const naturalCollator = (): NameCollator =>
  (natural ??= isEnglishPage()
    ? { compare: (a, b) => compareAsciiNaturally(a, b, compareWithIntl) }
    : intlCollator());

let fullDatesReady = false;
const fullDatesListeners = new Set<() => void>();

/** Whether full dates may be formatted without holding up the first screen. */
export const areFullDatesReady = (): boolean => fullDatesReady;

export function onFullDatesReady(listener: () => void): () => void {
  fullDatesListeners.add(listener);
  return () => fullDatesListeners.delete(listener);
}

/**
 * Makes the formatters above and uses each once, so the locale data is loaded; then full
 * dates may be shown. The app runs it once the first screen has drawn (afterFirstScreen).
 */
export function prepareLocaleFormats(): void {
  relativeTimeFormat().format(-1, 'minute');
  fullDateFormat().format(0);
  naturalCollator().compare('a-2', 'a-10');
  fullDatesReady = true;
  for (const listener of fullDatesListeners) listener();
}
