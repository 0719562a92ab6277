import type { CallSpec, StreamSpec } from './define';

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const desktopCalls = {} as const satisfies Record<string, CallSpec>;
export const desktopStreams = {} as const satisfies Record<string, StreamSpec>;
