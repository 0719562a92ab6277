/** Every sentence the registries feature shows that is made in main. */
export const registryMessages = {
  notFound: (ref: string, registry: string, reason: string) => `${ref} was not found on ${registry} (${reason}).`,
  notFoundOrPrivate: (ref: string, registry: string, reason: string) =>
    `${ref} was not found on ${registry}, or it is private and needs a login (${reason}).`,
  localMissing: (ref: string, reason: string) => `There is no local image ${ref} to push (${reason}).`,
  unauthorized: (registry: string, action: string, reason: string) =>
    action === 'login'
      ? `${registry} refused the username or password (${reason}).`
      : `${registry} refused access: log in to ${registry} with an account that may ${action} this image (${reason}).`,
  unreachable: (registry: string, reason: string) => `The engine could not reach ${registry}: ${reason}`,
  hubUnreachable: (reason: string) => `The engine could not reach Docker Hub: ${reason}`,
  other: (action: string, what: string, reason: string) => `Could not ${action} ${what}: ${reason}`,
  cancelled: (action: string, ref: string) => `The ${action} of ${ref} was cancelled.`,
  helperFailed: (helper: string, op: string, reason: string) => `The credential helper docker-credential-${helper} failed to ${op}: ${reason}`,
  helperMissing: (helper: string) => `The credential helper docker-credential-${helper} named in config.json is not installed (not on PATH).`,
  configUnreadable: (file: string, reason: string) => `Could not read ${file}: ${reason}`,
  noEncryptedStoreBrowser:
    'Browser mode has no operating-system keyring, and config.json names no credential helper: Berth will not write a password in plain text.',
  noEncryptedStoreBackend:
    'This system has no keyring Electron can use (only a fixed-key fallback), and config.json names no credential helper: Berth will not write a password in plain text.',
  usernameMissing: 'Enter a username.',
  credentialsWithheld: (registry: string, endpoint: string) =>
    `Berth did not send your saved login for ${registry}: the engine is at ${endpoint} without TLS, where it would cross the network unencrypted. ` +
    'Connect to the engine with TLS or over ssh:// to use it.',
  loginOverPlainTcp: (endpoint: string) =>
    `Berth does not send passwords to the engine at ${endpoint}: it is reached without TLS, so the password would cross the network unencrypted. ` +
    'Connect to the engine with TLS or over ssh:// to log in.',
};
