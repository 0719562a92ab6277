import type { RawData, WebSocket } from 'ws';
import { AuthMessage, WireCloseCode, type ServerMessage } from '../../src-common/contract/index';
import { tokenMatches } from './auth';
import { serverText } from './messages';

export interface AuthOptions {
  token: string;
  /** How long the socket has to send its token. */
  deadlineMs: number;
  log: (line: string) => void;
}

function readAuth(data: RawData, isBinary: boolean): AuthMessage | null {
  if (isBinary) return null;
  const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as Buffer).toString('utf8');
  try {
    const parsed = AuthMessage.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Tells the client why (a message it can show), then closes with `code`. */
export function refuseSocket(ws: WebSocket, message: ServerMessage & { t: 'refused' }, code: number): void {
  ws.send(JSON.stringify(message));
  ws.close(code, message.error.code);
}

/**
 * The browser-mode handshake after the upgrade: the first message must be
 * `{t:'auth', token}` with the launch token (compared in constant time), within the
 * deadline. Then `{t:'ready'}` goes out and `onReady` attaches the protocol; anything
 * else — another message first, a wrong token, silence — closes the socket with 4401
 * before a single call or subscription is looked at.
 */
export function authenticateSocket(ws: WebSocket, options: AuthOptions, onReady: () => void): void {
  let settled = false;
  const finish = () => {
    settled = true;
    clearTimeout(timer);
    ws.off('message', onMessage);
  };
  const refuse = (why: string) => {
    finish();
    options.log(serverText.wsUnauthorized(why));
    refuseSocket(ws, { t: 'refused', error: { code: 'unauthorized', message: serverText.unauthorizedSocket } }, WireCloseCode.unauthorized);
  };
  const onMessage = (data: RawData, isBinary: boolean) => {
    if (settled) return;
    const auth = readAuth(data, isBinary);
    if (!auth) return refuse('its first message was not the token');
    if (!tokenMatches(auth.token, options.token)) return refuse('the token was wrong');
    finish();
    ws.send(JSON.stringify({ t: 'ready' } satisfies ServerMessage));
    onReady();
  };
  const timer = setTimeout(() => refuse('it sent no token in time'), options.deadlineMs);
  ws.on('message', onMessage);
  ws.once('close', finish);
}
