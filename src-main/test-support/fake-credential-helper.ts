// A real docker-credential-<name> executable for tests: a small Node script that keeps
// its credentials in a JSON file, speaking the helper protocol (get/store/erase/list over
// stdin/stdout). Put its folder first on PATH in the env given to Berth.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface FakeCredentialHelper {
  name: string;
  /** The JSON file it stores into: server URL → { Username, Secret }. */
  storeFile: string;
  read(): Promise<Record<string, { Username: string; Secret: string }>>;
  seed(entries: Record<string, { Username: string; Secret: string }>): Promise<void>;
}

const SCRIPT = (storeFile: string) => `#!${process.execPath}
const fs = require('fs');
const file = ${JSON.stringify(storeFile)};
const load = () => { try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return {}; } };
const save = (s) => fs.writeFileSync(file, JSON.stringify(s));
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const op = process.argv[2];
  const s = load();
  if (op === 'get') {
    const e = s[input.trim()];
    if (!e) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
    process.stdout.write(JSON.stringify({ ServerURL: input.trim(), Username: e.Username, Secret: e.Secret }));
  } else if (op === 'store') {
    const c = JSON.parse(input);
    s[c.ServerURL] = { Username: c.Username, Secret: c.Secret };
    save(s);
  } else if (op === 'erase') {
    if (!s[input.trim()]) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
    delete s[input.trim()];
    save(s);
  } else if (op === 'list') {
    process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.Username]))));
  } else { process.stdout.write('unknown operation'); process.exit(1); }
});
`;

/** Writes docker-credential-<name> into binDir (created) and returns a handle on its store. */
export async function writeFakeCredentialHelper(binDir: string, name: string): Promise<FakeCredentialHelper> {
  await fs.mkdir(binDir, { recursive: true });
  const storeFile = path.join(binDir, `${name}-store.json`);
  await fs.writeFile(path.join(binDir, `docker-credential-${name}`), SCRIPT(storeFile), { mode: 0o755 });
  return {
    name,
    storeFile,
    read: async () => {
      try {
        return JSON.parse(await fs.readFile(storeFile, 'utf8')) as Record<string, { Username: string; Secret: string }>;
      } catch {
        return {};
      }
    },
    seed: (entries) => fs.writeFile(storeFile, JSON.stringify(entries)),
  };
}

/** A stand-in for Electron's safeStorage: reversible, so tests can check what was stored is not the plain secret. */
export function fakeSecretStorage(available = true) {
  return {
    isAvailable: () => available,
    encrypt: (plain: string) => Buffer.from(`enc:${Buffer.from(plain, 'utf8').reverse().toString('base64')}`),
    decrypt: (encrypted: Buffer) => Buffer.from(encrypted.toString().replace(/^enc:/, ''), 'base64').reverse().toString('utf8'),
  };
}
