import { useSyncExternalStore } from 'react';

/** Which run dialog is open, if any; `key` changes on every open so the form starts fresh. */
export interface RunDialogRequest {
  key: number;
  image: string;
}

let current: RunDialogRequest | null = null;
let nextKey = 1;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

/** Opens the run dialog, optionally with an image filled in (from an image row). */
export function openRunDialog(image = ''): void {
  current = { key: nextKey++, image };
  notify();
}

export function closeRunDialog(): void {
  current = null;
  notify();
}

export function useRunDialogRequest(): RunDialogRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
