import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { app } from 'electron';

// "Start at login". macOS and Windows have an API for it (app.setLoginItemSettings);
// on Linux Electron has none, and the desktop's way is an XDG autostart entry:
// ~/.config/autostart/<name>.desktop, read by GNOME, KDE, Xfce and the rest at login.

export const AUTOSTART_FILE = 'berth.desktop';

export interface LoginItemDeps {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
}

export async function setStartAtLogin(enabled: boolean, deps: LoginItemDeps = {}): Promise<void> {
  const platform = deps.platform ?? process.platform;
  if (platform === 'darwin' || platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  const file = autostartFile(deps.env ?? process.env, deps.homeDir ?? os.homedir());
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, autostartDesktopEntry(launchCommand(deps.env ?? process.env)), { mode: 0o644 });
}

export function autostartFile(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(homeDir, '.config');
  return path.join(configHome, 'autostart', AUTOSTART_FILE);
}

/** How to start this Berth again: the AppImage itself, the installed binary, or Electron with the app folder in development. */
export function launchCommand(env: NodeJS.ProcessEnv): string[] {
  if (env.APPIMAGE) return [env.APPIMAGE];
  return app.isPackaged ? [process.execPath] : [process.execPath, app.getAppPath()];
}

/** A Desktop Entry (freedesktop.org spec) that launches the command at login. */
export function autostartDesktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Berth',
    'Comment=Desktop container manager',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * The Exec key's quoting: an argument with reserved characters goes in double quotes with
 * `"`, `` ` ``, `$` and `\` backslash-escaped; and `%` is doubled, since it starts a field
 * code. (The file format then escapes each backslash once more.)
 */
export function quoteExecArg(arg: string): string {
  const percent = arg.replaceAll('%', '%%');
  if (!/[\s"'\\><~|&;$*?#()`=]/.test(percent)) return percent;
  const quoted = `"${percent.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  return quoted.replaceAll('\\', '\\\\');
}
