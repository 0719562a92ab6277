import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'berth.sidebar.collapsed';
const listeners = new Set<() => void>();

const read = (): boolean => {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
};

/** The sidebar's collapsed state, remembered in localStorage across reloads. */
export function useSidebarCollapsed(): [boolean, (collapsed: boolean) => void] {
  const collapsed = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
  );
  const set = useCallback((next: boolean) => {
    try {
      localStorage.setItem(KEY, next ? '1' : '0');
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    for (const l of listeners) l();
  }, []);
  return [collapsed, set];
}
