import type { StateCreator } from 'zustand';
import type { BerthState } from '../store/types';

export interface KeyboardSlice {
  paletteOpen: boolean;
  shortcutsHelpOpen: boolean;
  setPaletteOpen(open: boolean): void;
  setShortcutsHelpOpen(open: boolean): void;
}

export const createKeyboardSlice: StateCreator<BerthState, [], [], KeyboardSlice> = (set) => ({
  paletteOpen: false,
  shortcutsHelpOpen: false,
  // One dialog at a time: opening one closes the other.
  setPaletteOpen: (open) => set(open ? { paletteOpen: true, shortcutsHelpOpen: false } : { paletteOpen: false }),
  setShortcutsHelpOpen: (open) => set(open ? { shortcutsHelpOpen: true, paletteOpen: false } : { shortcutsHelpOpen: false }),
});
