import type { StateCreator } from 'zustand';
import { defaultSettings, type Settings } from '../../src-common/models/settings-defaults';
import type { BerthState } from '../store/types';

export interface SettingsSlice {
  /** The settings in force (defaults until the first chunk of settings.changes arrives). */
  settings: Settings;
  settingsLoaded: boolean;
  /** Which host serves the UI, from settings.get; null until known. */
  hostMode: 'electron' | 'browser' | null;
  setSettings(settings: Settings): void;
  setHostMode(mode: 'electron' | 'browser'): void;
}

export const createSettingsSlice: StateCreator<BerthState, [], [], SettingsSlice> = (set) => ({
  settings: defaultSettings(),
  settingsLoaded: false,
  hostMode: null,
  setSettings: (settings) => set({ settings, settingsLoaded: true }),
  setHostMode: (mode) => set({ hostMode: mode }),
});

/** Selectors other features use (the log views read the line cap here). */
export const selectLogLineCap = (s: Pick<BerthState, 'settings'>) => s.settings.logLineCap;
export const selectThemeChoice = (s: Pick<BerthState, 'settings'>) => s.settings.theme;
