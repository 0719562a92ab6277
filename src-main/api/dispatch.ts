import {
  ApiError,
  calls,
  streams,
  type ApiErrorShape,
  type ApiHandlers,
  type CallName,
  type Caller,
  type StreamEnd,
  type StreamName,
  type StreamSink,
  type TransportSink,
} from '../../src-common/contract/index';
import { checkResponse } from './response-check';

/** The dispatcher's sentences about a refused request. */
export const dispatchMessages = {
  tooLong: (what: string, max: number) => `The ${what} is too long: at most ${max.toLocaleString('en-US')} characters.`,
  tooMany: (what: string, max: number) => `Too many ${what}: at most ${max.toLocaleString('en-US')}.`,
  invalid: (what: string, detail: string) => `The ${what} is not valid (${detail}).`,
} as const;

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name);
const isStreamName = (name: string): name is StreamName => Object.hasOwn(streams, name);

/** Turns anything thrown into an error value; engine errors were already mapped by the engine layer. */
export function toErrorShape(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toShape();
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

/** "restartPolicy" → "restart policy": the last key of a request path, as a person would say it. */
const fieldWords = (path: readonly PropertyKey[]) =>
  String(path.at(-1) ?? 'request')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

interface Issue {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  maximum?: unknown;
  origin?: unknown;
}

/**
 * A refused request in the user's words, naming the field (a form puts it there): the
 * renderer checks fields first, so this is what is left when a check was missed.
 */
function invalidRequest(issues: readonly Issue[]): ApiErrorShape {
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.map(String).join('.') : undefined;
  let message: string;
  if (first?.code === 'too_big' && first.origin === 'string') {
    message = dispatchMessages.tooLong(fieldWords(first.path), Number(first.maximum));
  } else if (first?.code === 'too_big' && first.origin === 'array') {
    message = dispatchMessages.tooMany(fieldWords(first.path), Number(first.maximum));
  } else {
    message = dispatchMessages.invalid(first ? fieldWords(first.path) : 'request', describeIssues(issues));
  }
  return { code: 'invalid-request', message, ...(field ? { field } : {}) };
}

/**
 * The single entry for calls from either transport: checks the method against the
 * contract, validates the payload with its schema, runs the handler, and checks the
 * response too so a handler bug cannot leak an off-contract value to the UI (once per
 * answer shared by many calls, a long list a slice per turn: response-check.ts).
 */
export async function dispatchCall(
  handlers: ApiHandlers,
  method: string,
  args: unknown,
  caller: Caller,
): Promise<CallOutcome> {
  if (!isCallName(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `Unknown method "${method.slice(0, 100)}".` } };
  }
  const spec = calls[method];
  const parsed = spec.request.safeParse(args ?? {});
  if (!parsed.success) {
    return { ok: false, error: invalidRequest(parsed.error.issues) };
  }
  try {
    const handler = handlers.calls[method] as (req: unknown, caller: Caller) => Promise<unknown>;
    const value = await handler(parsed.data, caller);
    const checked = await checkResponse(spec.response, value);
    if (!checked.ok) {
      return {
        ok: false,
        error: { code: 'internal', message: `${method} answered off-contract: ${describeIssues(checked.issues)}` },
      };
    }
    return { ok: true, value: checked.value };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

/**
 * Frozen chunks already checked, by the object a producer sent, with the schema they were
 * checked against: a producer that hands every subscriber the same frozen object (the
 * container watcher's snapshot, one per state of the list) has it checked once, not once per
 * connection (a 1000-container snapshot is ~5 ms of zod warm, far more cold). Only frozen
 * ones: a producer may send an object again after changing it. The checked copy is frozen
 * too, so the transports may encode it once (ws-encode.ts).
 */
const checkedChunks = new WeakMap<object, { schema: unknown; data: unknown }>();

type ChunkCheck = { success: true; data: unknown } | { success: false; issues: readonly { path: readonly PropertyKey[]; message: string }[] };

function checkChunk(schema: (typeof streams)[StreamName]['chunk'], chunk: unknown): ChunkCheck {
  const shared = typeof chunk === 'object' && chunk !== null && Object.isFrozen(chunk);
  const known = shared ? checkedChunks.get(chunk) : undefined;
  if (known && known.schema === schema) return { success: true, data: known.data };
  const checked = schema.safeParse(chunk);
  if (!checked.success) return { success: false, issues: checked.error.issues };
  if (shared) checkedChunks.set(chunk, { schema, data: Object.freeze(checked.data) });
  return { success: true, data: checked.data };
}

/** An open stream as a transport holds it. */
export interface OpenedStream {
  cancel: () => void;
  /** The transport's consumer caught up: wakes the producer's onDrain listeners. */
  drain: () => void;
  /** Bytes from the UI into the stream; ignored when the stream takes no input. */
  input: (bytes: Uint8Array) => void;
}

/**
 * Opens a stream for either transport. Returns its handle, or an error
 * when the stream name or its arguments are off-contract (nothing is opened then).
 */
export function openStream(
  handlers: ApiHandlers,
  name: string,
  args: unknown,
  sink: TransportSink,
  caller: Caller,
): ({ ok: true } & OpenedStream) | { ok: false; error: ApiErrorShape } {
  if (!isStreamName(name)) {
    return { ok: false, error: { code: 'unknown-method', message: `Unknown stream "${name.slice(0, 100)}".` } };
  }
  const parsed = streams[name].args.safeParse(args ?? {});
  if (!parsed.success) {
    return { ok: false, error: invalidRequest(parsed.error.issues) };
  }
  let ended = false;
  const chunkSchema = streams[name].chunk;
  const drainListeners: (() => void)[] = [];
  let inputListener: ((bytes: Uint8Array) => void) | undefined;
  const guarded: StreamSink<unknown> = {
    // Chunks are checked here, where a producer bug would be, and not again in the
    // renderer: there a 1000-container snapshot was checked by a cold zod on the first
    // paint (~0.1–0.2 s of the list open); main's zod is warm after the first.
    next: (chunk) => {
      if (ended) return false;
      const checked = checkChunk(chunkSchema, chunk);
      if (!checked.success) {
        console.error(`Berth: dropped an off-contract ${name} chunk: ${describeIssues(checked.issues)}`);
        return true;
      }
      return sink.next(checked.data) !== false;
    },
    end: (end: StreamEnd) => {
      if (ended) return;
      ended = true;
      sink.end(end);
    },
    onDrain: (listener) => {
      drainListeners.push(listener);
    },
    onInput: (listener) => {
      inputListener = listener;
    },
  };
  const opener = handlers.streams[name] as (a: unknown, s: StreamSink<unknown>, c: Caller) => () => void;
  try {
    const cancel = opener(parsed.data, guarded, caller);
    return {
      ok: true,
      cancel: () => {
        if (ended) return;
        ended = true;
        cancel();
      },
      drain: () => {
        if (ended) return;
        for (const listener of drainListeners) listener();
      },
      input: (bytes) => {
        if (!ended) inputListener?.(bytes);
      },
    };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}
