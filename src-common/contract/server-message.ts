import { readApiErrorShape } from './api-error';
import { STREAM_END_REASONS, type ServerMessage, type StreamEnd } from './wire-format';

/**
 * Reads a message from the server without zod, for the renderer's entry script: it takes
 * the first screen's snapshot off the socket before the contract's schemas have loaded
 * (they would be ~90 kB of the entry and ~40 ms of its start). It accepts what wire.ts's
 * ServerMessage schema accepts, and returns the same value (keys the schema does not know
 * left out); server-message.test.ts holds the two side by side.
 */
export function readServerMessage(value: unknown): ServerMessage | null {
  if (!isRecord(value)) return null;
  switch (value.t) {
    case 'ready':
      return { t: 'ready' };
    case 'refused': {
      const error = readApiErrorShape(value.error);
      return error ? { t: 'refused', error } : null;
    }
    case 'result': {
      if (!isId(value.id)) return null;
      // The schema's z.unknown() still wants the key (JSON drops a key whose value is undefined).
      if (value.ok === true) return 'value' in value ? { t: 'result', id: value.id, ok: true, value: value.value } : null;
      const error = value.ok === false ? readApiErrorShape(value.error) : null;
      return error ? { t: 'result', id: value.id, ok: false, error } : null;
    }
    case 'data':
      return isId(value.id) && 'chunk' in value ? { t: 'data', id: value.id, chunk: value.chunk } : null;
    case 'end': {
      const end = readStreamEnd(value.end);
      return isId(value.id) && end ? { t: 'end', id: value.id, end } : null;
    }
    default:
      return null;
  }
}

const endReasons: ReadonlySet<unknown> = new Set(STREAM_END_REASONS);

function readStreamEnd(value: unknown): StreamEnd | null {
  if (!isRecord(value) || !endReasons.has(value.reason)) return null;
  const reason = value.reason as StreamEnd['reason'];
  if (value.error === undefined) return { reason };
  if (!isRecord(value.error)) return null;
  const { code, message, object } = value.error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  if (object !== undefined && typeof object !== 'string') return null;
  return { reason, error: { code, message, ...(object === undefined ? {} : { object }) } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
