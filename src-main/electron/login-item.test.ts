import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autostartDesktopEntry, autostartFile, launchCommand, quoteExecArg, setStartAtLogin } from './login-item';
import { resetFakeElectron, state } from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

let home: string;
beforeEach(() => {
  resetFakeElectron();
  home = mkdtempSync(path.join(tmpdir(), 'berth-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('start at login', () => {
  it('uses the system login items on macOS and Windows', async () => {
    await setStartAtLogin(true, { platform: 'darwin', homeDir: home });
    await setStartAtLogin(false, { platform: 'win32', homeDir: home });
    expect(state.app.loginItemSettings).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
    expect(existsSync(path.join(home, '.config'))).toBe(false);
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const env = { APPIMAGE: '/home/me/Apps/Berth 0.1.0.AppImage' };
    await setStartAtLogin(true, { platform: 'linux', env, homeDir: home });
    const file = path.join(home, '.config', 'autostart', 'berth.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec="/home/me/Apps/Berth 0.1.0.AppImage"\n');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    await setStartAtLogin(false, { platform: 'linux', env, homeDir: home });
    expect(existsSync(file)).toBe(false);
    // Turning off what is already off is fine.
    await setStartAtLogin(false, { platform: 'linux', env, homeDir: home });
    expect(state.app.loginItemSettings).toEqual([]);
  });

  it('honours XDG_CONFIG_HOME when it is absolute', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/x/conf' }, '/home/me')).toBe('/x/conf/autostart/berth.desktop');
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative' }, '/home/me')).toBe('/home/me/.config/autostart/berth.desktop');
  });

  it('starts the AppImage, the installed binary, or Electron with the app folder', () => {
    expect(launchCommand({ APPIMAGE: '/a/Berth.AppImage' })).toEqual(['/a/Berth.AppImage']);
    expect(launchCommand({})).toEqual([process.execPath, '/tmp/berth-fake-electron/app']);
    state.app.isPackaged = true;
    expect(launchCommand({})).toEqual([process.execPath]);
  });
});

describe('desktop entry', () => {
  it('is a valid autostart entry', () => {
    expect(autostartDesktopEntry(['/opt/Berth/berth'])).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Berth',
        'Comment=Desktop container manager',
        'Exec=/opt/Berth/berth',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });

  it('quotes arguments the way the Exec key requires', () => {
    expect(quoteExecArg('/opt/Berth/berth')).toBe('/opt/Berth/berth');
    expect(quoteExecArg('/a b/c')).toBe('"/a b/c"');
    expect(quoteExecArg('/a/100%')).toBe('/a/100%%');
    // `$` escaped inside quotes, then the backslash escaped again for the file format.
    expect(quoteExecArg('/a/$HOME')).toBe('"/a/\\\\$HOME"');
  });
});
