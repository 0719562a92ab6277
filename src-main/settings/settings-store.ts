import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../src-common/contract/errors';
import { Settings, SettingsPatch, defaultSettings } from '../../src-common/models/settings';
import { settingsMessages } from './settings-messages';

export type { Settings, SettingsPatch } from '../../src-common/models/settings';

/** The app's settings, kept in `<dataDir>/settings.json`. */
export interface SettingsStore {
  get(): Settings;
  /** Validates the patch, merges it, writes the file atomically, then tells the listeners. */
  update(patch: SettingsPatch): Promise<Settings>;
  /** Called after every change that was saved; returns the unsubscribe. */
  onChange(listener: (settings: Settings) => void): () => void;
  /** Why the stored file was not used (it was kept aside and defaults are in use), or null. */
  loadProblem(): string | null;
}

export const SETTINGS_FILE = 'settings.json';

/** Reads the settings once; a corrupt or invalid file is renamed aside and defaults are used. */
export async function createSettingsStore(dataDir: string, now: () => Date = () => new Date()): Promise<SettingsStore> {
  const file = path.join(dataDir, SETTINGS_FILE);
  const loaded = await load(file, now);
  let current = loaded.settings;
  const listeners = new Set<(settings: Settings) => void>();
  // Writes run one after another so the file always ends with the last update.
  let queue: Promise<unknown> = Promise.resolve();

  const apply = async (patch: SettingsPatch): Promise<Settings> => {
    const parsed = SettingsPatch.safeParse(patch);
    if (!parsed.success) {
      throw new ApiError('invalid-request', settingsMessages.invalidPatch(z.prettifyError(parsed.error)));
    }
    const next = Settings.parse({ ...current, ...parsed.data });
    if (JSON.stringify(next) === JSON.stringify(current)) return current;
    await writeAtomically(dataDir, file, `${JSON.stringify(next, null, 2)}\n`);
    current = next;
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (err) {
        console.error(`A settings listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return next;
  };

  return {
    get: () => current,
    update(patch) {
      const result = queue.then(() => apply(patch));
      queue = result.catch(() => undefined);
      return result;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    loadProblem: () => loaded.problem,
  };
}

async function load(file: string, now: () => Date): Promise<{ settings: Settings; problem: string | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings(), problem: null };
    // Unreadable (permissions, a folder in its place): leave it where it is, use defaults.
    return { settings: defaultSettings(), problem: settingsMessages.unreadable(file, errorText(err)) };
  }
  let why: string;
  try {
    const parsed = Settings.safeParse(JSON.parse(text));
    if (parsed.success) return { settings: parsed.data, problem: null };
    why = settingsMessages.invalidValues(z.prettifyError(parsed.error));
  } catch (err) {
    why = settingsMessages.notJson(errorText(err));
  }
  const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(file, aside);
  } catch (err) {
    return { settings: defaultSettings(), problem: settingsMessages.corruptNotMoved(file, why, errorText(err)) };
  }
  return { settings: defaultSettings(), problem: settingsMessages.corrupt(file, why, aside) };
}

/** Temp file in the same folder, flushed, then renamed over: a crash leaves the old or the new file, never half of one. */
async function writeAtomically(dir: string, file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new ApiError('internal', settingsMessages.notSaved(file, errorText(err)), file);
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
