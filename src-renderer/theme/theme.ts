import type { ThemeChoice } from '../../src-common/models/settings-defaults';

/**
 * Keeps `<html>` on the theme setting: `data-theme="light"` or `"dark"` for an explicit
 * choice, which styles.css turns into that `color-scheme`; no `data-theme` for "system",
 * where the page's own `color-scheme: light dark` follows the OS, live, with nothing to do
 * here. Each colour is a light-dark() pair the scheme picks from. `data-theme-choice` names
 * the choice for tests and tools.
 *
 * "system" is the default and the setting most people keep; setting data-theme to the OS's
 * scheme anyway changed nothing on screen but made Chromium restyle the whole page
 * (an attribute on :root that a rule reads) just after the first paint: 60 ms of main
 * thread in a trace of the container list's first open on a 2-core machine.
 */
export function startThemeSync(
  readChoice: () => ThemeChoice,
  onChoiceChange: (listener: () => void) => () => void,
  root: HTMLElement = document.documentElement,
): () => void {
  const apply = () => {
    const choice = readChoice();
    if (choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = choice;
    root.dataset.themeChoice = choice;
  };
  apply();
  return onChoiceChange(apply);
}
