/**
 * The settings' plain types and defaults, without zod: the renderer's first screen starts
 * from the defaults (and the theme) before the contract's schemas have loaded. settings.ts
 * holds the schemas, which give the same defaults (settings-defaults.test.ts).
 */

/** The smallest and largest number of log lines a log view keeps before dropping the oldest. */
export const LOG_LINE_CAP_MIN: number = 1_000;
export const LOG_LINE_CAP_MAX: number = 5_000_000;
export const LOG_LINE_CAP_DEFAULT: number = 100_000;

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** Which engine Berth talks to. */
export type EngineChoice =
  /** What the docker CLI would pick: DOCKER_HOST, the current context, the platform's socket. */
  | { mode: 'auto' }
  /** A docker context by name (its endpoint is read from $DOCKER_CONFIG/contexts on each connect). */
  | { mode: 'context'; name: string }
  /** An address typed by the user, like DOCKER_HOST. */
  | { mode: 'custom'; dockerHost: string };

export interface Settings {
  engine: EngineChoice;
  theme: ThemeChoice;
  /** Lines a log view keeps; older lines are dropped past it. */
  logLineCap: number;
  /** Native notifications when a container exits unexpectedly, is OOM-killed or turns unhealthy. */
  notifications: boolean;
  /** Closing the window keeps Berth in the tray (desktop only). */
  closeToTray: boolean;
  /** The one-time "Berth is still running in the tray" note was shown. */
  closeToTrayNoteShown: boolean;
  /** Launch Berth when the user logs in (desktop only). */
  startAtLogin: boolean;
}

/** Every setting's default: a file missing a field (an older Berth) still loads with these. */
export const defaultSettings = (): Settings => ({
  engine: { mode: 'auto' },
  theme: 'system',
  logLineCap: LOG_LINE_CAP_DEFAULT,
  notifications: true,
  closeToTray: true,
  closeToTrayNoteShown: false,
  startAtLogin: false,
});
