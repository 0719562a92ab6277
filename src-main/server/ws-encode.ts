import type { CallOutcome } from '../api/dispatch';

/**
 * Values whose JSON is at least this long are kept as UTF-8 bytes and sent as they are
 * (see SharedTextMessage); smaller ones stay strings, sent in one frame.
 */
export const SHARED_BYTES_FROM = 64 * 1024;

/**
 * One text message sent as consecutive frames of one WebSocket message (RFC 6455 §5.4):
 * a small head of its own, the shared UTF-8 bytes of a value, a small tail. The client
 * receives the same single message it would from one frame.
 *
 * Why: 200 callers of `containers.list` at 1000 containers share one answer (coalesced
 * engine reads, dispatch.ts). Sent as 200 strings, every send measured and converted the
 * same 0.5 MB to UTF-8 again (a profile of the concurrency bench: ~0.5 s in
 * `Buffer.byteLength`, flattening each message's concatenated string, and the garbage
 * collection of those copies), on the thread that also answers everyone else. As a
 * shared Buffer the bytes are made once and every socket writes the same memory.
 */
export class SharedTextMessage {
  readonly byteLength: number;

  constructor(
    readonly head: string,
    readonly body: Buffer,
    readonly tail: string,
  ) {
    this.byteLength = Buffer.byteLength(head) + body.byteLength + Buffer.byteLength(tail);
  }

  /** The whole message as text (tests, and anyone who needs it in one piece). */
  toString(): string {
    return this.head + this.body.toString('utf8') + this.tail;
  }
}

export type EncodedMessage = string | SharedTextMessage;

/**
 * The JSON of each answer object, kept while the object lives: as a string when small,
 * as UTF-8 bytes when large. Identical reads in flight share one engine answer and one
 * checked value (dispatch.ts), so its encoding is made once for all of its callers.
 * Handlers' results are never mutated after they return (dispatch.ts relies on it too).
 */
const encodedValues = new WeakMap<object, string | Buffer>();

function encodedValue(value: object): string | Buffer {
  let encoded = encodedValues.get(value);
  if (encoded === undefined) {
    const json = JSON.stringify(value);
    encoded = json.length >= SHARED_BYTES_FROM ? Buffer.from(json, 'utf8') : json;
    encodedValues.set(value, encoded);
  }
  return encoded;
}

/** A message of `head`, the value's shared encoding and a closing brace. */
function withSharedValue(head: string, value: object): EncodedMessage {
  const encoded = encodedValue(value);
  return typeof encoded === 'string' ? `${head}${encoded}}` : new SharedTextMessage(head, encoded, '}');
}

/** A call's result message as sent on the socket (`{ t: 'result', id, ok, value | error }`). */
export function encodeCallResult(id: number, outcome: CallOutcome): EncodedMessage {
  if (outcome.ok && typeof outcome.value === 'object' && outcome.value !== null) {
    return withSharedValue(`{"t":"result","id":${JSON.stringify(id)},"ok":true,"value":`, outcome.value);
  }
  return JSON.stringify({ t: 'result', id, ...outcome });
}

/**
 * A stream chunk's message as sent on the socket (`{ t: 'data', id, chunk }`). A frozen chunk
 * shares its encoding with every socket it goes to (encodedValue): the container list's
 * snapshot is one frozen object per state of the list (container-watcher.ts, checked once in
 * dispatch.ts), sent to every window and tab that opens, so its ~0.5 MB of JSON is made
 * once. Other chunks are encoded each time: a producer may send an object again changed.
 */
export function encodeStreamData(id: number, chunk: unknown): EncodedMessage {
  if (typeof chunk === 'object' && chunk !== null && Object.isFrozen(chunk)) {
    return withSharedValue(`{"t":"data","id":${JSON.stringify(id)},"chunk":`, chunk);
  }
  return JSON.stringify({ t: 'data', id, chunk });
}
