import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Per port: browsers keep cookies per host, not per port, so two Berth servers on
 * 127.0.0.1 would otherwise overwrite each other's cookie and sign each other out.
 */
export const tokenCookieName = (port: number): string => `berth_token_${port}`;
export const TOKEN_QUERY_PARAM = 'token';

/** 32 random bytes, base64url: what each start uses unless BERTH_TOKEN is set. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hashing both sides first gives equal lengths, so the comparison time says nothing about the token. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined) return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** Accepts the token from the session cookie or an `Authorization: Bearer` header. */
export function isAuthorized(req: IncomingMessage, token: string, port: number): boolean {
  const candidates = [...cookieValues(req.headers.cookie, tokenCookieName(port)), bearerToken(req.headers.authorization)];
  // Check every candidate so the work done does not depend on which one matched.
  let ok = false;
  for (const candidate of candidates) if (tokenMatches(candidate, token)) ok = true;
  return ok;
}

/** No Max-Age: the cookie lives as long as the browser session, like the token itself lives per start. */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
