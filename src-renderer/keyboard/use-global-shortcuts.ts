import { useLayoutEffect } from 'react';
import { useBerthStore } from '../store/store';
import { bindingsFor, isMacPlatform, SHORTCUTS, type ShortcutId } from './page-shortcuts';
import { chordMatches, createShortcutMatcher } from './shortcuts';

/** Typing into these must not trigger single-key shortcuts. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  // xterm's hidden textarea is caught above; anything inside a terminal counts too.
  return target.closest('.xterm, [role="textbox"], [role="combobox"]') !== null;
}

/** A modal dialog of someone else (remove, confirmations) owns the keyboard while open. */
const otherModalOpen = () =>
  [...document.querySelectorAll('dialog[open]')].some((d) => !(d as HTMLElement).dataset.keyboardOwner);

/**
 * Listens on the window for the global shortcuts and acts on them. Attached while the first
 * render commits, not after its paint: a passive effect runs in a later task, and a Ctrl+K
 * pressed as soon as the page showed was lost in between (a CI run on a busy machine).
 */
export function useGlobalShortcuts(): void {
  useLayoutEffect(() => {
    const bindings = bindingsFor(isMacPlatform());
    const matcher = createShortcutMatcher(bindings);
    const anywhereChords = bindings.filter((b) => SHORTCUTS.find((s) => s.id === b.id)?.inTextFields);
    const specs = new Map(SHORTCUTS.map((s) => [s.id, s]));

    const run = (id: ShortcutId) => {
      const store = useBerthStore.getState();
      if (id === 'palette') return store.setPaletteOpen(!store.paletteOpen);
      if (id === 'help') return store.setShortcutsHelpOpen(true);
      const href = specs.get(id)?.href;
      if (href) {
        store.setPaletteOpen(false);
        store.setShortcutsHelpOpen(false);
        window.location.hash = href;
      }
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // While typing, and while another modal dialog is open, only Ctrl/⌘ chords meant for anywhere count.
      if (isTextEntry(event.target) || otherModalOpen()) {
        matcher.reset();
        const anywhere = anywhereChords.find((b) => b.chords.length === 1 && chordMatches(b.chords[0]!, event));
        if (anywhere && !otherModalOpen()) {
          event.preventDefault();
          run(anywhere.id);
        }
        return;
      }
      if (event.repeat) return;
      const result = matcher.handle(event);
      if (result.kind === 'pending') event.preventDefault();
      if (result.kind !== 'matched') return;
      event.preventDefault();
      run(result.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
