// View preferences that outlive a view (timestamps, wrap, line cap), per browser profile.
const KEY = 'berth.logs.';

export function readPref<T extends boolean | number | string>(name: string, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(KEY + name);
    if (raw === null) return fallback;
    const value = JSON.parse(raw) as unknown;
    return typeof value === typeof fallback ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

export function writePref(name: string, value: boolean | number | string): void {
  try {
    window.localStorage.setItem(KEY + name, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the preference just does not persist */
  }
}

export const LINE_CAP_CHOICES = [10_000, 100_000, 500_000, 1_000_000] as const;
export const TAIL_CHOICES = [100, 1000, 10000, 'all'] as const;
export const DEFAULT_TAIL = 1000;
