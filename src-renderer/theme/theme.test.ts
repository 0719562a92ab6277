import { describe, expect, it } from 'vitest';
import type { ThemeChoice } from '../../src-common/models/settings';
import { resolveTheme, startThemeSync, type DarkQuery } from './theme';

function fakeQuery(matches: boolean) {
  const listeners = new Set<() => void>();
  const q: DarkQuery & { set(m: boolean): void; count(): number } = {
    matches,
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
    set(m) {
      q.matches = m;
      for (const l of listeners) l();
    },
    count: () => listeners.size,
  };
  return q;
}

describe('theme', () => {
  it('resolves system to the OS scheme and keeps an explicit choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('puts the theme on <html>, follows the OS live under "system" only, and stops cleanly', () => {
    let choice: ThemeChoice = 'system';
    let notify = () => {};
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    const query = fakeQuery(false);
    const stop = startThemeSync(
      () => choice,
      (l) => ((notify = l), () => (notify = () => {})),
      root,
      query,
    );
    expect(root.dataset).toEqual({ theme: 'light', themeChoice: 'system' });
    query.set(true);
    expect(root.dataset.theme).toBe('dark');
    choice = 'light';
    notify();
    expect(root.dataset).toEqual({ theme: 'light', themeChoice: 'light' });
    query.set(true);
    expect(root.dataset.theme).toBe('light');
    stop();
    expect(query.count()).toBe(0);
  });
});
