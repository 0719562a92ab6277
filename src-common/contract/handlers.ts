import type { z } from 'zod';
import type { CallName, CallParsedRequest, CallResponse } from './calls';
import type { StreamChunk, StreamEnd, StreamName, StreamParsedArgs } from './streams';

/**
 * Where a stream's producer writes. After `end`, further writes are ignored.
 * Flow control: `next` returns false when the consumer is behind (its unprocessed
 * backlog is above ~512 KB, see flow.ts); a producer that can pause its source (an
 * engine socket) does so and resumes when `onDrain` fires. Producers of small,
 * rare chunks may ignore it.
 */
export interface StreamSink<T> {
  next(chunk: T): boolean;
  end(end: StreamEnd): void;
  /** Called each time the backlog is back under the low-water mark after `next` said false. */
  onDrain(listener: () => void): void;
  /** Bytes the UI writes into this stream (a terminal's keystrokes); streams without input ignore it. */
  onInput(listener: (bytes: Uint8Array) => void): void;
}

/** What a transport hands to openStream: `next` returns false when its consumer is behind. */
export interface TransportSink {
  /** Returns false when its consumer is behind (anything else means keep going). */
  next(chunk: unknown): unknown;
  end(end: StreamEnd): void;
}

/**
 * Who made a call or opened a stream: one object per WebSocket connection (browser mode)
 * or per window's webContents (Electron), compared by identity. Handlers that keep
 * something for one client (a terminal session, a file picked in a dialog) check it, so
 * one client can never reach what another holds.
 */
export interface Caller {
  /** For messages and logs only, e.g. "WebSocket connection 3". */
  readonly label: string;
}

/** What main implements: one function per call, one opener per stream returning its cancel. */
export type CallHandlers = {
  [N in CallName]: (request: CallParsedRequest<N>, caller: Caller) => Promise<CallResponse<N>>;
};

export type StreamHandlers = {
  [S in StreamName]: (args: StreamParsedArgs<S>, sink: StreamSink<StreamChunk<S>>, caller: Caller) => () => void;
};

export interface ApiHandlers {
  calls: CallHandlers;
  streams: StreamHandlers;
}

/** The handlers of one feature's contract file (see calls.ts): what a feature's handler module returns. */
export interface FeatureHandlers<
  C extends Record<string, { request: z.ZodType; response: z.ZodType }>,
  S extends Record<string, { args: z.ZodType; chunk: z.ZodType }>,
> {
  calls: { [N in keyof C]: (request: z.output<C[N]['request']>, caller: Caller) => Promise<z.output<C[N]['response']>> };
  streams: {
    [K in keyof S]: (args: z.output<S[K]['args']>, sink: StreamSink<z.output<S[K]['chunk']>>, caller: Caller) => () => void;
  };
}
