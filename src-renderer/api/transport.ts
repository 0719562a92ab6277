import type { BerthBridge } from '../../src-common/contract/index';

/**
 * The pipe under the API client. Electron's preload bridge already has this
 * shape, so the WebSocket transport implements the same interface.
 */
export type Transport = BerthBridge & {
  /** Connection to the Berth server itself (not the engine); absent when it cannot drop (Electron IPC). */
  onConnectionChange?(listener: (connected: boolean) => void): () => void;
};
