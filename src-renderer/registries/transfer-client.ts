import type { TransferFailureKind, TransferSnapshot } from '../../src-common/models/registries';
import { api, type ApiClient } from '../api/client';

export type TransferKind = 'pull' | 'push';

export type TransferResult =
  | { outcome: 'done'; snapshot: TransferSnapshot | null }
  | { outcome: 'failed'; kind: TransferFailureKind; message: string; snapshot: TransferSnapshot | null }
  | { outcome: 'cancelled' };

export interface RunningTransfer {
  /** Settles once: done, failed (with the reason in plain words) or cancelled. */
  result: Promise<TransferResult>;
  /** Aborts the engine request: the engine stops the pull or push. */
  cancel(): void;
}

/**
 * Runs a pull or push in main and reports each progress snapshot (at most ten a second).
 * For the run dialog and anything else that needs an image first:
 *
 *   const t = pullImage('nginx:1.27', (s) => setSnapshot(s));
 *   const r = await t.result; // r.outcome === 'done' | 'failed' | 'cancelled'
 */
export function startImageTransfer(
  kind: TransferKind,
  ref: string,
  onProgress: (snapshot: TransferSnapshot) => void,
  client: ApiClient = api,
): RunningTransfer {
  let settle!: (r: TransferResult) => void;
  let settled = false;
  const result = new Promise<TransferResult>((resolve) => (settle = resolve));
  const finish = (r: TransferResult) => {
    if (settled) return;
    settled = true;
    settle(r);
  };
  let last: TransferSnapshot | null = null;
  const unsubscribe = client.subscribe(
    kind === 'pull' ? 'registries.pull' : 'registries.push',
    { ref },
    (snapshot) => {
      last = snapshot;
      onProgress(snapshot);
    },
    (end) => {
      if (end.reason === 'complete') finish({ outcome: 'done', snapshot: last });
      else if (end.reason === 'cancelled') finish({ outcome: 'cancelled' });
      else {
        const failure = last?.failure;
        finish({
          outcome: 'failed',
          kind: failure?.kind ?? (end.error?.code === 'not-found' ? 'not-found' : 'other'),
          message: failure?.message ?? end.error?.message ?? 'The transfer failed.',
          snapshot: last,
        });
      }
    },
  );
  return {
    result,
    cancel() {
      if (settled) return;
      unsubscribe();
      finish({ outcome: 'cancelled' });
    },
  };
}

/** Pulls an image with the stored login of its registry; see startImageTransfer. */
export const pullImage = (ref: string, onProgress: (s: TransferSnapshot) => void, client?: ApiClient) =>
  startImageTransfer('pull', ref, onProgress, client);

/** Pushes a local image to the registry its name says; see startImageTransfer. */
export const pushImage = (ref: string, onProgress: (s: TransferSnapshot) => void, client?: ApiClient) =>
  startImageTransfer('push', ref, onProgress, client);
