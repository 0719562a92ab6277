import { describe, expect, it } from 'vitest';
import type { ThemeChoice } from '../../src-common/models/settings';
import { startThemeSync } from './theme';

describe('theme', () => {
  it('puts an explicit choice on <html>, none for "system" (CSS follows the OS), and stops cleanly', () => {
    let choice: ThemeChoice = 'system';
    let notify = () => {};
    let listening = false;
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    const stop = startThemeSync(
      () => choice,
      (l) => {
        notify = l;
        listening = true;
        return () => (listening = false);
      },
      root,
    );
    expect(root.dataset).toEqual({ themeChoice: 'system' });
    choice = 'dark';
    notify();
    expect(root.dataset).toEqual({ theme: 'dark', themeChoice: 'dark' });
    choice = 'light';
    notify();
    expect(root.dataset).toEqual({ theme: 'light', themeChoice: 'light' });
    choice = 'system';
    notify();
    expect(root.dataset).toEqual({ themeChoice: 'system' });
    stop();
    expect(listening).toBe(false);
  });
});
