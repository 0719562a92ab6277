/**
 * DNS-rebinding defence: a page on evil.example whose name later resolves to
 * 127.0.0.1 still sends `Host: evil.example`, so only loopback names pass.
 */
const LOOPBACK_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** True when the Host header names this machine's loopback and exactly this server's port. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const lower = host.toLowerCase();
  return LOOPBACK_HOSTNAMES.some((name) => lower === `${name}:${port}`);
}

/** The WebSocket must be opened by the page this server served: same scheme, host and port. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || host === undefined) return false;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}
