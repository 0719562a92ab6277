/**
 * Whether the sidebar is folded to icons, remembered in localStorage across reloads.
 * No React here: the page's entry reads it early (see main.tsx), use-sidebar-collapsed.ts
 * gives it to components.
 */
const KEY = 'berth.sidebar.collapsed';
const listeners = new Set<() => void>();

/**
 * Read from storage once, then kept here: React asks for it on every render. The first
 * localStorage access of a page is a round trip to the browser process (~3 ms in a profile
 * of the first open, more on a busy machine), which the entry makes while it waits for
 * the app's code.
 */
let cached: boolean | undefined;

export function sidebarCollapsed(): boolean {
  if (cached === undefined) {
    try {
      cached = localStorage.getItem(KEY) === '1';
    } catch {
      cached = false;
    }
  }
  return cached;
}

export function setSidebarCollapsed(next: boolean): void {
  cached = next;
  try {
    localStorage.setItem(KEY, next ? '1' : '0');
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  for (const l of listeners) l();
}

export function onSidebarCollapsedChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
