import { z } from 'zod';
import type { Agrees, SameShape } from '../type-agreement';
import {
  LOG_LINE_CAP_DEFAULT,
  LOG_LINE_CAP_MAX,
  LOG_LINE_CAP_MIN,
  THEME_CHOICES,
  type EngineChoice as EngineChoiceType,
  type Settings as SettingsType,
  type ThemeChoice as ThemeChoiceType,
} from './settings-defaults';

// The plain types and the defaults live in settings-defaults.ts, zod-free (the renderer's
// first screen starts from them before any schema has loaded); the schemas are here.
export { LOG_LINE_CAP_DEFAULT, LOG_LINE_CAP_MAX, LOG_LINE_CAP_MIN, defaultSettings } from './settings-defaults';

/**
 * Why a DOCKER_HOST value cannot be used, or null when it can. The same shapes the
 * engine layer's parser accepts (unix://, npipe://, tcp://host:port, ssh://[user@]host[:port]),
 * checked here without URL so the UI can say what is wrong as the user types.
 */
export function dockerHostProblem(value: string): string | null {
  const host = value.trim();
  if (host === '') return 'Enter an address.';
  const match = /^([a-z]+):\/\/(.*)$/i.exec(host);
  if (!match) return 'Start with unix://, npipe://, tcp:// or ssh://.';
  const scheme = match[1]!.toLowerCase();
  const rest = match[2]!;
  switch (scheme) {
    case 'unix':
      return rest.startsWith('/') ? null : 'The socket path must be absolute, e.g. unix:///var/run/docker.sock.';
    case 'npipe':
      return rest !== '' ? null : 'Name the pipe, e.g. npipe:////./pipe/docker_engine.';
    case 'tcp': {
      const hostPort = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})\/?$/i.exec(rest);
      if (!hostPort) return 'Use tcp://host:port, e.g. tcp://127.0.0.1:2375.';
      const port = Number(hostPort[2]);
      return port >= 1 && port <= 65535 ? null : 'The port must be between 1 and 65535.';
    }
    case 'ssh': {
      const target = /^(?:[^@/:\s]+@)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?\/?$/i.exec(rest);
      if (!target) return 'Use ssh://user@host or ssh://user@host:port.';
      const port = target[2] === undefined ? 22 : Number(target[2]);
      return port >= 1 && port <= 65535 ? null : 'The port must be between 1 and 65535.';
    }
    default:
      return `Unsupported scheme "${scheme}": use unix://, npipe://, tcp:// or ssh://.`;
  }
}

/** Which engine Berth talks to. */
export const EngineChoice = z.discriminatedUnion('mode', [
  /** What the docker CLI would pick: DOCKER_HOST, the current context, the platform's socket. */
  z.object({ mode: z.literal('auto') }),
  /** A docker context by name (its endpoint is read from $DOCKER_CONFIG/contexts on each connect). */
  z.object({ mode: z.literal('context'), name: z.string().min(1) }),
  /** An address typed by the user, like DOCKER_HOST. */
  z.object({
    mode: z.literal('custom'),
    dockerHost: z.string().superRefine((value, ctx) => {
      const problem = dockerHostProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  }),
]);
export type EngineChoice = EngineChoiceType;
export type EngineChoiceAgrees = Agrees<SameShape<z.infer<typeof EngineChoice>, EngineChoiceType>>;

export const ThemeChoice = z.enum(THEME_CHOICES);
export type ThemeChoice = ThemeChoiceType;

export const LogLineCap = z.number().int().min(LOG_LINE_CAP_MIN).max(LOG_LINE_CAP_MAX);

/** Every setting, each with its default: a file missing a field (an older Berth) still loads. */
export const Settings = z.object({
  engine: EngineChoice.default({ mode: 'auto' }),
  theme: ThemeChoice.default('system'),
  /** Lines a log view keeps; older lines are dropped past it. */
  logLineCap: LogLineCap.default(LOG_LINE_CAP_DEFAULT),
  /** Native notifications when a container exits unexpectedly, is OOM-killed or turns unhealthy. */
  notifications: z.boolean().default(true),
  /** Closing the window keeps Berth in the tray (desktop only). */
  closeToTray: z.boolean().default(true),
  /** The one-time "Berth is still running in the tray" note was shown. */
  closeToTrayNoteShown: z.boolean().default(false),
  /** Launch Berth when the user logs in (desktop only). */
  startAtLogin: z.boolean().default(false),
});
export type Settings = SettingsType;
export type SettingsAgrees = Agrees<SameShape<z.infer<typeof Settings>, SettingsType>>;

/** Some settings to change; the rest stay as they are. `engine` is replaced whole. */
export const SettingsPatch = z
  .object({
    engine: EngineChoice,
    theme: ThemeChoice,
    logLineCap: LogLineCap,
    notifications: z.boolean(),
    closeToTray: z.boolean(),
    closeToTrayNoteShown: z.boolean(),
    startAtLogin: z.boolean(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** What 'settings.get' answers: the settings and, once, why the stored file was not used. */
export const SettingsState = z.object({
  settings: Settings,
  /** Set when the stored file was unreadable or invalid and defaults are in use. */
  loadProblem: z.string().nullable(),
});
export type SettingsState = z.infer<typeof SettingsState>;

/** A docker context as `docker context ls` lists it. */
export const DockerContext = z.object({
  name: z.string(),
  /** Its docker endpoint, e.g. "unix:///var/run/docker.sock"; null when it has none. */
  endpoint: z.string().nullable(),
  description: z.string().optional(),
  /** The context the docker CLI uses now (DOCKER_CONTEXT or config.json's currentContext). */
  current: z.boolean(),
});
export type DockerContext = z.infer<typeof DockerContext>;
