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
/** The file operations a write uses; tests stand in for a filesystem that misbehaves. */
export interface SettingsIo {
  open: typeof open;
  /** A write that has not finished by then fails with a message (default 10 s). */
  writeTimeoutMs: number;
}

const DEFAULT_IO: SettingsIo = { open, writeTimeoutMs: 10_000 };

export async function createSettingsStore(
  dataDir: string,
  now: () => Date = () => new Date(),
  io: Partial<SettingsIo> = {},
): Promise<SettingsStore> {
  const fsIo: SettingsIo = { ...DEFAULT_IO, ...io };
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
    await writeAtomically(dataDir, file, `${JSON.stringify(next, null, 2)}\n`, fsIo);
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

/**
 * Temp file in the same folder, flushed, then renamed over: a crash leaves the old or the
 * new file, never half of one. Bounded: a filesystem that accepts no bytes (Node's
 * writeFile retries such a write forever, spinning a core) or never answers makes the
 * update fail with a message instead; the queue moves on.
 */
async function writeAtomically(dir: string, file: string, content: string, io: SettingsIo): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(settingsMessages.writeTimedOut(io.writeTimeoutMs))), io.writeTimeoutMs);
  });
  const write = async () => {
    await mkdir(dir, { recursive: true });
    const handle = await io.open(temp, 'w', 0o600);
    try {
      const bytes = Buffer.from(content, 'utf8');
      for (let at = 0; at < bytes.length; ) {
        const { bytesWritten } = await handle.write(bytes, at, bytes.length - at, at);
        if (bytesWritten <= 0) throw new Error(settingsMessages.nothingWritten);
        at += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  };
  try {
    await Promise.race([write(), deadline]);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new ApiError('internal', settingsMessages.notSaved(file, errorText(err)), file);
  } finally {
    clearTimeout(timer);
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
