import { useSyncExternalStore } from 'react';
import { onSidebarCollapsedChange, setSidebarCollapsed, sidebarCollapsed } from './sidebar-collapsed';

/** The sidebar's collapsed state (sidebar-collapsed.ts) and its setter, for components. */
export function useSidebarCollapsed(): [boolean, (collapsed: boolean) => void] {
  return [useSyncExternalStore(onSidebarCollapsedChange, sidebarCollapsed), setSidebarCollapsed];
}
