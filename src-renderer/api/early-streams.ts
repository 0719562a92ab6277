import type { StreamArgs, StreamChunk, StreamEnd, StreamName } from '../../src-common/contract/index';
import type { ApiClient } from './client';

interface EarlyStream {
  args: string;
  /** What arrived before the app took the stream over, in order. */
  chunks: unknown[];
  end: StreamEnd | null;
  unsubscribe: () => void;
  taker: { onChunk: (chunk: unknown) => void; onEnd: (end: StreamEnd) => void } | null;
}

/**
 * Subscribes the streams the first screen shows (the engine's status, the container list)
 * as soon as the page starts, while the app's own code is still loading and running, and
 * keeps what arrives until the app subscribes to them.
 *
 * The app's code is one long task for the main thread; a socket opened inside it could not
 * sign in or ask for anything until that task ended, so the list only set off once the app
 * was ready (a trace of the first open: the 0.56 MB list arrived ~110 ms after the app's
 * code ran). Subscribed first, from the small entry script, the list is usually in before
 * the app renders for the first time, which then draws the rows at once.
 *
 * Returns a client whose first `subscribe` to each of these streams (with the same args)
 * takes the early subscription over: the chunks so far are handed over at once, in order,
 * then new ones as they come. Every other use goes to `api` as before.
 */
export function subscribeEarly(api: ApiClient, streams: { [S in StreamName]?: StreamArgs<S> }): ApiClient {
  const early = new Map<StreamName, EarlyStream>();
  for (const [name, args] of Object.entries(streams) as [StreamName, unknown][]) {
    const held: EarlyStream = { args: JSON.stringify(args), chunks: [], end: null, unsubscribe: () => {}, taker: null };
    let first = true;
    held.unsubscribe = api.subscribe(
      name,
      args as StreamArgs<typeof name>,
      (chunk) => {
        // When each stream's first chunk came, for traces and benches (start-up marks).
        if (first) performance.mark(`berth:${name}-in`);
        first = false;
        if (held.taker) held.taker.onChunk(chunk);
        else held.chunks.push(chunk);
      },
      (end) => (held.taker ? held.taker.onEnd(end) : (held.end = end)),
    );
    early.set(name, held);
  }

  const takeOver = <S extends StreamName>(
    stream: S,
    args: StreamArgs<S>,
    onChunk: (chunk: StreamChunk<S>) => void,
    onEnd?: (end: StreamEnd) => void,
  ): (() => void) | null => {
    const held = early.get(stream);
    if (!held || held.args !== JSON.stringify(args)) return null;
    early.delete(stream);
    held.taker = { onChunk: (chunk) => onChunk(chunk as StreamChunk<S>), onEnd: (end) => onEnd?.(end) };
    const chunks = held.chunks;
    held.chunks = [];
    for (const chunk of chunks) held.taker.onChunk(chunk);
    if (held.end) held.taker.onEnd(held.end);
    return held.unsubscribe;
  };

  return {
    call: (method, args) => api.call(method, args),
    subscribe: (stream, args, onChunk, onEnd) => takeOver(stream, args, onChunk, onEnd) ?? api.subscribe(stream, args, onChunk, onEnd),
    open: (stream, args, handlers) => api.open(stream, args, handlers),
    onConnectionChange: (listener) => api.onConnectionChange(listener),
  };
}
