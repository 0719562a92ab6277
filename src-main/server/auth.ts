import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

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

/**
 * Berth before this version kept the token in a cookie named per port. Browsers send a
 * host's cookies to every port on it, so that cookie reached any other local web server;
 * pages now tell the browser to drop it. Nothing reads it any more.
 */
export function expiredLegacyCookie(port: number): string {
  return `berth_token_${port}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict`;
}

/**
 * `Authorization: Bearer <token>`, which the page adds to the one request it makes over
 * plain HTTP with a script (an upload's PUT). Another origin cannot send that header
 * without a CORS preflight this server never answers.
 */
export function hasBearerToken(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return tokenMatches(match?.[1], token);
}
