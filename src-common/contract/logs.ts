import type { CallSpec, StreamSpec } from './define';

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const logCalls = {} as const satisfies Record<string, CallSpec>;
export const logStreams = {} as const satisfies Record<string, StreamSpec>;
