/**
 * The locale-aware formatters the first screen uses (relative and full dates in the
 * containers list, its name sort), each made once, on first use.
 *
 * A page's first Intl formatter loads the browser's locale data: 12–19 ms on the main
 * thread in a fresh Chromium context, whichever formatter comes first, and a few ms for
 * each kind after it. Made at module load, that was part of the app's start-up script on
 * the container list's critical path; the page's entry makes them instead (see
 * `prepareLocaleFormats`), while it waits for the app's code.
 */
let relativeTime: Intl.RelativeTimeFormat | undefined;
let fullDate: Intl.DateTimeFormat | undefined;
let natural: Intl.Collator | undefined;

/** "3 minutes ago", "yesterday": the user's locale, numbers only where no word fits. */
export const relativeTimeFormat = (): Intl.RelativeTimeFormat => (relativeTime ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }));

/** What Date#toLocaleString() shows, with one formatter instead of one per call. */
export const fullDateFormat = (): Intl.DateTimeFormat =>
  (fullDate ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));

/** Names in the order a person expects: case-insensitive, "web-2" before "web-10". */
export const naturalCollator = (): Intl.Collator => (natural ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));

/**
 * Makes the formatters above and uses each once, so the locale data is loaded. The entry
 * calls it in the gap while the app's code is still arriving; the first render then finds
 * them ready.
 */
export function prepareLocaleFormats(): void {
  relativeTimeFormat().format(-1, 'minute');
  fullDateFormat().format(0);
  naturalCollator().compare('a-2', 'a-10');
}
