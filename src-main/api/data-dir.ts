import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron's `app.getPath('userData')` gives for productName "Berth", so
 * browser mode and the desktop app share settings. BERTH_DATA_DIR overrides (tests).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.BERTH_DATA_DIR) return env.BERTH_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Berth');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Berth');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Berth');
}
