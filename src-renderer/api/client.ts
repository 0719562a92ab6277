import { ApiError } from '../../src-common/contract/api-error';
import { WELCOME_PATH } from '../../src-common/contract/wire-format';
import type {
  CallName,
  CallRequest,
  CallResponse,
  Calls,
  StreamArgs,
  StreamChunk,
  StreamEnd,
  StreamHandle,
  StreamName,
} from '../../src-common/contract/index';
import { apiStrings } from './strings';
import type { Transport } from './transport';
import { createWsTransport, wsUrlFor } from './ws-transport';
import { currentTokenPage, forgetToken, storedToken } from './launch-token';

export interface ApiClient {
  /** Resolves with the contract's response; throws ApiError when the call failed. */
  call<N extends CallName>(method: N, args: CallRequest<N>): Promise<CallResponse<N>>;
  /** Returns the unsubscribe (fits a useEffect cleanup). Chunks were checked against the contract in main. */
  subscribe<S extends StreamName>(
    stream: S,
    args: StreamArgs<S>,
    onChunk: (chunk: StreamChunk<S>) => void,
    onEnd?: (end: StreamEnd) => void,
  ): () => void;
  /**
   * A stream that takes input too (a terminal). With `manualAck`, `onChunk` gets a `done`
   * to call once the chunk is processed: main pauses the source while too much is unprocessed.
   */
  open<S extends StreamName>(
    stream: S,
    args: StreamArgs<S>,
    handlers: {
      onChunk: (chunk: StreamChunk<S>, done: () => void) => void;
      onEnd?: (end: StreamEnd) => void;
      manualAck?: boolean;
    },
  ): StreamHandle;
  /** Connection to the Berth server (browser mode); Electron's IPC never drops. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

const describe = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');

const importCalls = () => import('../../src-common/contract/calls').then((m) => m.calls);
let callSchemas: Promise<Calls> | undefined;
let schemasWanted: Promise<void> = Promise.resolve();

/**
 * Holds the response schemas back until `ready` (start-app.tsx: the first screen has its data).
 * Building them takes tens of milliseconds; the first screen's own calls (settings.get)
 * otherwise had them built just as the container list arrived. Answers wait meanwhile.
 */
export function loadResponseSchemasAfter(ready: Promise<void>): void {
  schemasWanted = ready;
}

/**
 * Every call's response schema. Not in the first screen's code: building every feature's
 * schemas was a third of the app's start-up script time (Chromium profile of the container
 * list's first open), and the list arrives over a stream. A load cut off in flight is tried
 * once more; a failed load fails that call and the next call tries again.
 */
function responseSchemas(): Promise<Calls> {
  callSchemas ??= schemasWanted
    .then(importCalls)
    .catch(() => new Promise<void>((resolve) => setTimeout(resolve, 300)).then(importCalls))
    .catch((err: unknown) => {
      callSchemas = undefined;
      throw new ApiError('internal', apiStrings.codeNotLoaded(err instanceof Error ? err.message : String(err)));
    });
  return callSchemas;
}

/** The typed client over any transport; it checks what comes back, as main checks what goes in. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, args) {
      const [outcome, calls] = await Promise.all([transport.invoke(method, args), responseSchemas()]);
      if (!outcome.ok) throw ApiError.fromShape(outcome.error);
      const checked = calls[method].response.safeParse(outcome.value);
      if (!checked.success) {
        throw new ApiError('internal', `${method} answered off-contract: ${describe(checked.error.issues)}`);
      }
      return checked.data as CallResponse<typeof method>;
    },
    // Stream chunks are checked in main as they leave (dispatch.ts openStream), not again
    // here: a cold check of a big snapshot cost the first paint more than anything else.
    subscribe(stream, args, onChunk, onEnd) {
      return transport.subscribe(
        stream,
        args,
        (chunk) => onChunk(chunk as StreamChunk<typeof stream>),
        (end) => onEnd?.(end),
      );
    },
    open(stream, args, { onChunk, onEnd, manualAck }) {
      return transport.open(
        stream,
        args,
        (chunk, done) => onChunk(chunk as StreamChunk<typeof stream>, done),
        (end) => onEnd?.(end),
        { manualAck: manualAck ?? false },
      );
    },
    onConnectionChange(listener) {
      return transport.onConnectionChange?.(listener) ?? (() => {});
    },
  };
}

/**
 * True when this is browser mode and the tab has no token (opened without the printed
 * address's #token=… part): the page then sends the person to the server's "how to get
 * in" page instead of starting.
 */
export function leaveWithoutToken(): boolean {
  const page = currentTokenPage();
  if (!page || storedToken(page) !== null) return false;
  window.location.replace(WELCOME_PATH);
  return true;
}

/** Electron's preload bridge when present, else the browser-mode WebSocket with this tab's token. */
export function pickTransport(): Transport {
  const bridge = (window as { berth?: Transport }).berth;
  if (bridge) return bridge;
  const page = currentTokenPage();
  return createWsTransport({
    url: wsUrlFor(window.location),
    token: (page && storedToken(page)) ?? '',
    onUnauthorized: () => {
      if (page) forgetToken(page);
      window.location.replace(`${WELCOME_PATH}?refused`);
    },
  });
}

let defaultClient: ApiClient | undefined;
const client = () => (defaultClient ??= createApiClient(pickTransport()));

/** The app's client; the transport is picked on first use, once. */
export const api: ApiClient = {
  call: (method, args) => client().call(method, args),
  subscribe: (stream, args, onChunk, onEnd) => client().subscribe(stream, args, onChunk, onEnd),
  open: (stream, args, handlers) => client().open(stream, args, handlers),
  onConnectionChange: (listener) => client().onConnectionChange(listener),
};
