import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The OS-backed encryption Electron gives (safeStorage); see AppHost.secretStorage. */
export interface SecretStorage {
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

export interface StoredSecret {
  username: string;
  /** A password, or an identity token when `identityToken` is true. */
  secret: string;
  identityToken: boolean;
}

interface FileShape {
  version: 1;
  /** server key → username in clear (it is shown in the list) and the encrypted secret, base64. */
  entries: Record<string, { username: string; identityToken: boolean; encrypted: string }>;
}

export const ENCRYPTED_STORE_FILE = 'berth-credentials.json';

/**
 * Berth's own store for when no credential helper applies: one JSON file in the app's
 * data folder with each secret encrypted by the OS (Keychain, DPAPI, libsecret). The
 * secret is never written in clear; without a real backend nothing is written at all.
 */
export function createEncryptedStore(dataDir: string, storage: SecretStorage) {
  const file = path.join(dataDir, ENCRYPTED_STORE_FILE);

  async function read(): Promise<FileShape> {
    try {
      const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<FileShape>;
      return { version: 1, entries: parsed.entries && typeof parsed.entries === 'object' ? parsed.entries : {} };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
      throw err;
    }
  }

  async function write(shape: FileShape): Promise<void> {
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(temp, `${JSON.stringify(shape, null, 2)}\n`, { mode: 0o600 });
    await fs.rename(temp, file);
  }

  return {
    file,
    async get(server: string): Promise<StoredSecret | null> {
      const entry = (await read()).entries[server];
      if (!entry || !storage.isAvailable()) return null;
      return { username: entry.username, identityToken: entry.identityToken, secret: storage.decrypt(Buffer.from(entry.encrypted, 'base64')) };
    },
    async put(server: string, value: StoredSecret): Promise<void> {
      if (!storage.isAvailable()) throw new Error('no encryption backend');
      const shape = await read();
      shape.entries[server] = {
        username: value.username,
        identityToken: value.identityToken,
        encrypted: storage.encrypt(value.secret).toString('base64'),
      };
      await write(shape);
    },
    async remove(server: string): Promise<boolean> {
      const shape = await read();
      if (!(server in shape.entries)) return false;
      delete shape.entries[server];
      await write(shape);
      return true;
    },
    /** server → username */
    async list(): Promise<Record<string, string>> {
      const shape = await read();
      return Object.fromEntries(Object.entries(shape.entries).map(([server, e]) => [server, e.username]));
    },
  };
}
export type EncryptedStore = ReturnType<typeof createEncryptedStore>;
