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

/**
 * The single entry for calls from either transport: checks the method against the
 * contract, validates the payload with its schema, runs the handler, and checks the
 * response too so a handler bug cannot leak an off-contract value to the UI.
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
    return {
      ok: false,
      error: { code: 'invalid-request', message: `${method}: ${describeIssues(parsed.error.issues)}` },
    };
  }
  try {
    const handler = handlers.calls[method] as (req: unknown, caller: Caller) => Promise<unknown>;
    const value = await handler(parsed.data, caller);
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      return {
        ok: false,
        error: { code: 'internal', message: `${method} answered off-contract: ${describeIssues(checked.error.issues)}` },
      };
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
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
    return { ok: false, error: { code: 'invalid-request', message: `${name}: ${describeIssues(parsed.error.issues)}` } };
  }
  let ended = false;
  const drainListeners: (() => void)[] = [];
  let inputListener: ((bytes: Uint8Array) => void) | undefined;
  const guarded: StreamSink<unknown> = {
    next: (chunk) => (ended ? false : sink.next(chunk) !== false),
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
