import { useSyncExternalStore } from 'react';
import type { BuildRequest, BuildStep } from '../../src-common/models/build-run';
import { api } from '../api/client';
import { openRunDialog } from '../run/run-dialog-state';
import { notify } from '../ui/toast';
import { buildStrings } from './strings';

/** Kept lines of output; older ones are dropped (counted) so a chatty build stays light. */
export const MAX_LINES = 5000;

export type BuildStatus = 'idle' | 'building' | 'done' | 'failed' | 'cancelled' | 'error';

export interface BuildSnapshot {
  status: BuildStatus;
  request: BuildRequest | null;
  step: BuildStep | null;
  /** Bumped on every change of `lines` (the array itself is mutated in place). */
  version: number;
  dropped: number;
  sent: { files: number; bytes: number } | null;
  result: { imageId: string; tag: string } | null;
  failure: { message: string; step: BuildStep | null } | null;
  error: string | null;
}

/**
 * The one build the page shows, kept outside React and the store: it survives leaving
 * the page (the build goes on) and its output (high-rate) never goes through the store.
 */
export interface BuildSession {
  snapshot(): BuildSnapshot;
  readonly lines: readonly string[];
  subscribe(listener: () => void): () => void;
  start(request: BuildRequest): void;
  cancel(): void;
  /** Forgets a finished build's output and result (a new one is being prepared); keeps its request. */
  clear(): void;
}

/** The build may finish while another page is open: a notice says so, with Run at hand. */
function announceBuilt(name: string): void {
  notify({ tone: 'success', message: buildStrings.builtNotice(name), action: { label: buildStrings.run, run: () => openRunDialog(name) } });
}

const idle: BuildSnapshot = {
  status: 'idle',
  request: null,
  step: null,
  version: 0,
  dropped: 0,
  sent: null,
  result: null,
  failure: null,
  error: null,
};

export function createBuildSession(client = api): BuildSession {
  let state = idle;
  let lines: string[] = [];
  let unsubscribe: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const update = (patch: Partial<BuildSnapshot>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };

  return {
    snapshot: () => state,
    get lines() {
      return lines;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(request) {
      unsubscribe?.();
      lines = [];
      update({ ...idle, status: 'building', request, version: state.version + 1 });
      unsubscribe = client.subscribe(
        'build.run',
        request,
        (chunk) => {
          switch (chunk.kind) {
            case 'sent':
              update({ sent: { files: chunk.files, bytes: chunk.contextBytes } });
              break;
            case 'output': {
              lines.push(...chunk.lines);
              const over = lines.length - MAX_LINES;
              if (over > 0) lines.splice(0, over);
              update({ step: chunk.step, version: state.version + 1, dropped: state.dropped + Math.max(0, over) });
              break;
            }
            case 'done':
              update({ status: 'done', result: { imageId: chunk.imageId, tag: chunk.tag } });
              announceBuilt(chunk.tag || chunk.imageId.replace(/^sha256:/, '').slice(0, 12));
              break;
            case 'failed':
              update({ status: 'failed', failure: { message: chunk.message, step: chunk.step } });
              break;
          }
        },
        (end) => {
          unsubscribe = null;
          if (end.reason === 'error') update({ status: 'error', error: end.error?.message ?? 'The build stopped.' });
          else if (end.reason === 'cancelled' && state.status === 'building') update({ status: 'cancelled' });
          else if (state.status === 'building') update({ status: 'cancelled' });
        },
      );
    },
    clear() {
      if (state.status === 'building' || state.status === 'idle') return;
      lines = [];
      update({ ...idle, request: state.request, version: state.version + 1 });
    },
    cancel() {
      if (state.status !== 'building') return;
      const stop = unsubscribe;
      unsubscribe = null;
      stop?.();
      update({ status: 'cancelled' });
    },
  };
}

export const buildSession = createBuildSession();

export function useBuildSnapshot(session: BuildSession = buildSession): BuildSnapshot {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}
