/**
 * What the process hosting the API provides beyond the engine: Electron or the
 * browser-mode server. Handlers use it for the few things that differ between the two
 * (where data lives, native dialogs, secret storage), and nothing else.
 */
import type { DownloadOffer } from '../../src-common/models/download';
import type { UploadOffer } from '../../src-common/models/files';
import type { DownloadSource } from './downloads';
import type { PickedPaths } from './picked-paths';
import type { UploadSink } from './uploads';
import type { SettingsStore } from '../settings/settings-store';

export interface AppHost {
  mode: 'electron' | 'browser';
  /** The app's data folder (Electron's userData; ~/.config/Berth or the platform's equivalent in browser mode). */
  dataDir: string;
  /** The app's settings (`<dataDir>/settings.json`), loaded before the handlers are created. */
  settings: SettingsStore;
  /**
   * Hands a file the engine streams to the user: Electron asks where to save and writes it;
   * browser mode registers a one-time URL (see downloads.ts) the page then opens.
   */
  offerDownload: (source: DownloadSource) => Promise<DownloadOffer>;
  /**
   * Browser mode: registers files the page is about to send and returns the one-time URL
   * it PUTs each one to (uploads.ts + server/upload-route.ts), streamed on, never held whole.
   */
  offerUpload?: (sink: UploadSink) => UploadOffer;
  /** Electron: a native picker for several files to upload; [] when cancelled. */
  pickFiles?: (title: string, filters?: { name: string; extensions: string[] }[]) => Promise<string[]>;
  /** A native folder picker (Electron only); browser mode types a path on the server instead. */
  pickDirectory?: (title: string) => Promise<string | null>;
  /** A native file picker (Electron only); browser mode types a path on the server instead. */
  pickFile?: (title: string, filters: { name: string; extensions: string[] }[]) => Promise<string | null>;
  /**
   * Electron only: the paths each window picked in the dialogs above, the only ones its
   * calls may name (picked-paths.ts). Absent in browser mode.
   */
  pickedPaths?: PickedPaths;
  /**
   * OS-backed encryption for secrets (Electron's safeStorage). Absent in browser mode;
   * `isAvailable()` false where Electron has no real backend (then Berth refuses to store).
   */
  secretStorage?: {
    isAvailable(): boolean;
    encrypt(plain: string): Buffer;
    decrypt(encrypted: Buffer): string;
  };
}
