import type { ComponentType } from 'react';
import { EngineStatusBar } from './EngineStatusBar';
import { UsageStatusItem } from '../stats/UsageStatusItem';

/**
 * What the status bar at the bottom of the window shows, left to right. A feature adds its
 * item (totals, a running task) with one line here; each item is a small component that
 * selects only what it shows.
 */
export const statusBarItems: readonly { id: string; component: ComponentType; align?: 'end' }[] = [
  { id: 'engine', component: EngineStatusBar },
  { id: 'usage', component: UsageStatusItem, align: 'end' },
];
