import type { ThemeChoice } from '../../src-common/models/settings-defaults';

export type ResolvedTheme = 'light' | 'dark';

export const DARK_QUERY = '(prefers-color-scheme: dark)';

export const resolveTheme = (choice: ThemeChoice, osPrefersDark: boolean): ResolvedTheme =>
  choice === 'system' ? (osPrefersDark ? 'dark' : 'light') : choice;

/** The parts of `window.matchMedia(DARK_QUERY)` this module uses. */
export interface DarkQuery {
  matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

/**
 * Keeps `<html data-theme>` on the theme in force: the choice, or for "system" the OS's
 * scheme, followed live. styles.css turns data-theme into `color-scheme`, which picks each
 * colour's light-dark() half (without the attribute, before this runs, it follows the OS).
 */
export function startThemeSync(
  readChoice: () => ThemeChoice,
  onChoiceChange: (listener: () => void) => () => void,
  root: HTMLElement = document.documentElement,
  darkQuery: DarkQuery = window.matchMedia(DARK_QUERY),
): () => void {
  const apply = () => {
    const choice = readChoice();
    root.dataset.theme = resolveTheme(choice, darkQuery.matches);
    root.dataset.themeChoice = choice;
  };
  apply();
  darkQuery.addEventListener('change', apply);
  const stopChoice = onChoiceChange(apply);
  return () => {
    darkQuery.removeEventListener('change', apply);
    stopChoice();
  };
}
