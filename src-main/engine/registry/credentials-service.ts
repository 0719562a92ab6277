import { ApiError } from '../../../src-common/contract/errors';
import { isUnencryptedRemote } from '../../../src-common/models/engine-status';
import type { CredentialStorage, LoginResult, RegistryLogin, RegistryOverview } from '../../../src-common/models/registries';
import { createEncryptedStore, type SecretStorage, type StoredSecret } from './credentials-encrypted-store';
import { credentialHelper, IDENTITY_TOKEN_USERNAME, type CredentialHelper } from './credentials-helper';
import type { DockerClient } from '../connection/docker-client';
import { configFileOf, defaultDockerConfigDir, readDockerConfig, updateDockerConfig, type DockerConfig } from './docker-config-file';
import { classifyRegistryFailure, reasonOf } from './registry-errors';
import { registryOfServer, sameRegistry, serverKeyFor } from './registry-keys';
import { registryMessages } from './registry-messages';

/** What goes into X-Registry-Auth: credentials, an identity token, or nothing (anonymous). */
export type RegistryAuthConfig = Record<string, string>;

export interface CredentialsServiceOptions {
  /** Where config.json lives; default $DOCKER_CONFIG or ~/.docker. */
  configDir?: string;
  /** The app's data folder, for Berth's encrypted store. */
  dataDir: string;
  mode: 'electron' | 'browser';
  secretStorage?: SecretStorage;
  /** Environment for credential helpers (PATH). */
  env?: NodeJS.ProcessEnv;
  requireClient: () => DockerClient;
}

export interface LoginInput {
  server: string;
  username: string;
  password: string;
}

function decodeAuth(auth: string): { username: string; password: string } | null {
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0 ? { username: text.slice(0, colon), password: text.slice(colon + 1) } : null;
}

function toAuthConfig(serveraddress: string, username: string, secret: string, identityToken: boolean): RegistryAuthConfig {
  return identityToken ? { identitytoken: secret, serveraddress } : { username, password: secret, serveraddress };
}

/**
 * Registry credentials the docker CLI's way: config.json's credHelpers for a registry
 * first, then its credsStore, then (Berth's additions) its encrypted store and this
 * session's logins, then config.json's auths. Secrets go to the engine only, in
 * X-Registry-Auth; nothing here logs them or puts them in an error.
 */
export function createCredentialsService(options: CredentialsServiceOptions) {
  const env = options.env ?? process.env;
  const configDir = options.configDir ?? defaultDockerConfigDir(env);
  const session = new Map<string, StoredSecret>();
  const encryptedStore = options.secretStorage ? createEncryptedStore(options.dataDir, options.secretStorage) : null;
  const helper = (name: string): CredentialHelper => credentialHelper(name, env);

  const encryptedStoreState = (): CredentialStorage['encryptedStore'] => {
    if (options.mode === 'browser' || !options.secretStorage) return { available: false, reason: registryMessages.noEncryptedStoreBrowser };
    if (!options.secretStorage.isAvailable()) return { available: false, reason: registryMessages.noEncryptedStoreBackend };
    return { available: true };
  };
  const usableEncryptedStore = () => (encryptedStoreState().available ? encryptedStore : null);

  const helperKeyFor = (config: DockerConfig, registry: string) =>
    Object.keys(config.credHelpers).find((key) => sameRegistry(key, registry)) ?? null;

  /**
   * Why no secret may go to the engine now, or null: the endpoint setting can name any
   * address, and on plain tcp:// to another machine a password would cross the network
   * in the clear (to whoever answers there).
   */
  const unsafeEngine = (): string | null => {
    let endpoint;
    try {
      endpoint = options.requireClient().endpoint;
    } catch {
      return null; // No engine: nothing will be sent anyway, and the request says why.
    }
    return isUnencryptedRemote(endpoint) ? endpoint.display : null;
  };

  /** X-Registry-Auth for a registry: `{}` (anonymous) when nothing is stored, or when the engine is unsafe for secrets. */
  async function authFor(registryOrServer: string): Promise<RegistryAuthConfig> {
    if (unsafeEngine() !== null) return {};
    return storedAuthFor(registryOrServer);
  }

  /** Why a stored login for this registry is not attached now (for the failure message), or null. */
  async function credentialsWithheld(registryOrServer: string): Promise<string | null> {
    const display = unsafeEngine();
    if (display === null) return null;
    const stored = await storedAuthFor(registryOrServer);
    return Object.keys(stored).length ? registryMessages.credentialsWithheld(registryOfServer(serverKeyFor(registryOrServer)), display) : null;
  }

  async function storedAuthFor(registryOrServer: string): Promise<RegistryAuthConfig> {
    const server = serverKeyFor(registryOrServer);
    const config = await readDockerConfig(configDir).catch(() => null);
    const fromHelper = async (name: string) => {
      const found = await helper(name).get(server).catch(() => null);
      return found ? toAuthConfig(server, found.Username, found.Secret, found.Username === IDENTITY_TOKEN_USERNAME) : null;
    };
    if (config) {
      const key = helperKeyFor(config, server);
      if (key) {
        const found = await fromHelper(config.credHelpers[key]!);
        if (found) return found;
      }
      if (config.credsStore) {
        const found = await fromHelper(config.credsStore);
        if (found) return found;
      }
    }
    const stored = (await usableEncryptedStore()?.get(server).catch(() => null)) ?? session.get(server) ?? null;
    if (stored) return toAuthConfig(server, stored.username, stored.secret, stored.identityToken);
    if (config) {
      const entry = Object.entries(config.auths).find(([key]) => sameRegistry(key, server))?.[1];
      if (entry?.identitytoken) return { identitytoken: entry.identitytoken, serveraddress: server };
      const decoded = entry?.auth ? decodeAuth(entry.auth) : null;
      if (decoded) return { ...decoded, serveraddress: server };
      if (entry?.username && entry.password) return { username: entry.username, password: entry.password, serveraddress: server };
    }
    return {};
  }

  async function overview(): Promise<RegistryOverview> {
    const warnings: string[] = [];
    const logins: RegistryLogin[] = [];
    const add = (server: string, username: string | null, source: RegistryLogin['source'], helperName: string | null) => {
      const registry = registryOfServer(server);
      if (logins.some((l) => l.registry === registry && l.source === source)) return;
      logins.push({ server: serverKeyFor(server), registry, username, source, helper: helperName });
    };
    let config: DockerConfig = { auths: {}, credHelpers: {}, credsStore: null };
    try {
      config = await readDockerConfig(configDir);
    } catch (err) {
      warnings.push(registryMessages.configUnreadable(configFileOf(configDir), (err as Error).message));
    }
    const lists = new Map<string, Record<string, string>>();
    const listOf = async (name: string) => {
      if (!lists.has(name)) {
        lists.set(name, await helper(name).list().catch((err: Error) => (warnings.push(err.message), {})));
      }
      return lists.get(name)!;
    };
    for (const [key, name] of Object.entries(config.credHelpers)) {
      const listed = Object.entries(await listOf(name)).find(([server]) => sameRegistry(server, key));
      add(key, listed?.[1] ?? null, 'cred-helper', name);
    }
    if (config.credsStore) {
      for (const [server, username] of Object.entries(await listOf(config.credsStore))) add(server, username || null, 'creds-store', config.credsStore);
    }
    const store = usableEncryptedStore();
    if (store) {
      for (const [server, username] of Object.entries(await store.list().catch(() => ({})))) add(server, username, 'berth', null);
    }
    for (const [server, value] of session) add(server, value.username, 'session', null);
    for (const [server, entry] of Object.entries(config.auths)) {
      const decoded = entry.auth ? decodeAuth(entry.auth) : null;
      if (decoded || entry.identitytoken) add(server, decoded?.username ?? null, 'config-file', null);
    }
    return {
      logins,
      storage: { configDir, credsStore: config.credsStore, encryptedStore: encryptedStoreState() },
      warnings,
    };
  }

  async function login(input: LoginInput): Promise<LoginResult> {
    const server = serverKeyFor(input.server);
    const registry = registryOfServer(server);
    const unsafe = unsafeEngine();
    if (unsafe !== null) return { ok: false, field: 'form', kind: 'other', message: registryMessages.loginOverPlainTcp(unsafe) };
    let identityToken: string;
    try {
      const answer = await options.requireClient().request<{ IdentityToken?: string; Status?: string }>({
        method: 'POST',
        path: '/auth',
        body: { username: input.username, password: input.password, serveraddress: server },
        action: 'log in to',
        object: `registry ${registry}`,
      });
      identityToken = answer?.IdentityToken ?? '';
    } catch (err) {
      if (err instanceof ApiError && err.code === 'engine-unreachable') throw err;
      const failure = classifyRegistryFailure(reasonOf(err), registry, '', 'login');
      const field = failure.kind === 'unauthorized' ? 'password' : failure.kind === 'network' ? 'server' : 'form';
      return { ok: false, field, kind: failure.kind, message: failure.message };
    }
    const secret: StoredSecret = identityToken
      ? { username: input.username, secret: identityToken, identityToken: true }
      : { username: input.username, secret: input.password, identityToken: false };
    const config = await readDockerConfig(configDir).catch(() => null);
    const helperName = (config && (config.credHelpers[helperKeyFor(config, server) ?? ''] ?? config.credsStore)) || null;
    try {
      if (helperName) {
        await helper(helperName).store({
          ServerURL: server,
          Username: secret.identityToken ? IDENTITY_TOKEN_USERNAME : secret.username,
          Secret: secret.secret,
        });
        session.delete(server);
        const source = config && helperKeyFor(config, server) ? 'cred-helper' : 'creds-store';
        return { ok: true, server, registry, source, helper: helperName, notStoredReason: null };
      }
      const store = usableEncryptedStore();
      if (store) {
        await store.put(server, secret);
        session.delete(server);
        return { ok: true, server, registry, source: 'berth', helper: null, notStoredReason: null };
      }
    } catch (err) {
      return { ok: false, field: 'form', kind: 'other', message: (err as Error).message };
    }
    const state = encryptedStoreState();
    session.set(server, secret);
    return {
      ok: true,
      server,
      registry,
      source: 'session',
      helper: null,
      notStoredReason: state.available ? null : state.reason,
    };
  }

  async function logout(serverInput: string): Promise<void> {
    const server = serverKeyFor(serverInput);
    session.delete(server);
    await usableEncryptedStore()?.remove(server);
    const config = await readDockerConfig(configDir);
    const key = helperKeyFor(config, server);
    try {
      if (key) await helper(config.credHelpers[key]!).erase(server);
      if (config.credsStore) await helper(config.credsStore).erase(server);
    } catch (err) {
      throw new ApiError('engine-error', (err as Error).message, `registry ${registryOfServer(server)}`);
    }
    const authKeys = Object.keys(config.auths).filter((k) => sameRegistry(k, server));
    if (authKeys.length) {
      await updateDockerConfig(configDir, (raw) => {
        const auths = raw.auths as Record<string, unknown>;
        for (const k of authKeys) delete auths[k];
      });
    }
  }

  return { configDir, authFor, credentialsWithheld, overview, login, logout };
}
export type CredentialsService = ReturnType<typeof createCredentialsService>;
