import { resolve } from 'node:path';
import { ApiError } from '../../src-common/contract/errors';
import type { Caller } from '../../src-common/contract/handlers';

export type PickedKind = 'file' | 'folder';

export const pickedPathMessages = {
  notPicked: (kind: PickedKind) =>
    `Choose the ${kind} with “Choose ${kind}…”: the desktop app only opens ${kind === 'file' ? 'files' : 'folders'} picked in its own dialog.`,
} as const;

/**
 * Electron: a path comes from main's own dialog, never from the renderer. Each window
 * (Caller) may use the last file and the last folder it picked, as often as it likes (a
 * rebuild of the same folder); a path it typed, another window's pick, or an older one is
 * refused at its field. A compromised renderer can then read nothing the person did not
 * pick. Browser mode has no such dialogs: its paths are typed, and checked on the server.
 */
export interface PickedPaths {
  remember(caller: Caller, kind: PickedKind, path: string): void;
  /** Throws an ApiError on the field `field` unless `path` is this caller's last pick of `kind`. */
  requirePicked(caller: Caller, kind: PickedKind, path: string, field: string): void;
}

export function createPickedPaths(): PickedPaths {
  const picks = new WeakMap<Caller, Map<PickedKind, string>>();
  return {
    remember(caller, kind, path) {
      let own = picks.get(caller);
      if (!own) picks.set(caller, (own = new Map()));
      own.set(kind, resolve(path));
    },
    requirePicked(caller, kind, path, field) {
      const picked = picks.get(caller)?.get(kind);
      const typed = path.trim();
      if (picked === undefined || typed === '' || resolve(typed) !== picked) {
        throw new ApiError('invalid-request', pickedPathMessages.notPicked(kind), `${field} ${typed}`);
      }
    },
  };
}
