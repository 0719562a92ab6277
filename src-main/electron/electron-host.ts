import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { AppHost } from '../api/app-host';
import { createPickedPaths } from '../api/picked-paths';
import type { SettingsStore } from '../settings/settings-store';

/**
 * The Electron side of AppHost: userData, the settings kept there, the native pickers
 * (whose picks are the only paths a window's calls may name), and safeStorage.
 */
export function createElectronHost(settings: SettingsStore): AppHost {
  return {
    mode: 'electron',
    dataDir: app.getPath('userData'),
    settings,
    async offerDownload(source) {
      const parent = BrowserWindow.getFocusedWindow();
      const options = { defaultPath: source.filename };
      const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
      const abort = new AbortController();
      await pipeline(await source.open(abort.signal), createWriteStream(choice.filePath));
      return { kind: 'saved', path: choice.filePath };
    },
    async pickDirectory(title) {
      const parent = BrowserWindow.getFocusedWindow();
      const options = { title, properties: ['openDirectory' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickFile(title, filters) {
      const parent = BrowserWindow.getFocusedWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickFiles(title, filters) {
      const parent = BrowserWindow.getFocusedWindow();
      const options = { title, ...(filters ? { filters } : {}), properties: ['openFile' as const, 'multiSelections' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    pickedPaths: createPickedPaths(),
    secretStorage: {
      // On Linux without a keyring Electron falls back to a hard-coded key ('basic_text'):
      // that is no protection, so it counts as unavailable.
      isAvailable: () =>
        safeStorage.isEncryptionAvailable() &&
        (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
      encrypt: (plain) => safeStorage.encryptString(plain),
      decrypt: (encrypted) => safeStorage.decryptString(encrypted),
    },
  };
}
