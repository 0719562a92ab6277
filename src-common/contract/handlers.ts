import type { CallName, CallParsedRequest, CallResponse } from './calls';
import type { StreamChunk, StreamEnd, StreamName, StreamParsedArgs } from './streams';

/** Where a stream's producer writes. After `end`, further writes are ignored. */
export interface StreamSink<T> {
  next(chunk: T): void;
  end(end: StreamEnd): void;
}

/** What main implements: one function per call, one opener per stream returning its cancel. */
export type CallHandlers = {
  [N in CallName]: (request: CallParsedRequest<N>) => Promise<CallResponse<N>>;
};

export type StreamHandlers = {
  [S in StreamName]: (args: StreamParsedArgs<S>, sink: StreamSink<StreamChunk<S>>) => () => void;
};

export interface ApiHandlers {
  calls: CallHandlers;
  streams: StreamHandlers;
}
