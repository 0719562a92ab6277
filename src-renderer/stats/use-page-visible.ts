import { useSyncExternalStore } from 'react';

const subscribe = (l: () => void) => {
  document.addEventListener('visibilitychange', l);
  return () => document.removeEventListener('visibilitychange', l);
};

/**
 * Whether the page can be seen (a background tab, a minimized window are not). Views that
 * cost the engine something (resource usage) drop their interest while it is false.
 */
export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribe, () => document.visibilityState !== 'hidden');
}
