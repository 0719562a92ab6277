import type { StatsTotals } from '../../src-common/models/stats';
import { formatBytes, formatPercent } from '../../src-common/usage-format';
import { isUp, type TrayState } from './tray-menu-model';
import { trayStrings as s } from './tray-strings';

export type TrayIcon = 'running' | 'idle' | 'unreachable';

export interface TrayIconState {
  icon: TrayIcon;
  tooltip: string;
}

/** Windows cuts tray tooltips at 127 characters; cut them ourselves so the end is a visible '…'. */
const MAX_TOOLTIP_CHARS = 127;

/**
 * The tray icon and its tooltip for the app state.
 *
 * 'running': connected and at least one container is up (running, paused or restarting —
 * the same set "Stop all running" acts on). 'idle': connected, nothing up.
 * 'unreachable': the engine cannot be used, which includes 'connecting': until the first
 * answer nothing in the menu works, and showing "running" or "idle" would claim to know
 * the engine's state. The tooltip tells connecting and unreachable apart.
 */
export function trayIconState(state: TrayState, totals: StatsTotals | null = null): TrayIconState {
  const engine = state.engine;
  switch (engine.state) {
    case 'connecting':
      return { icon: 'unreachable', tooltip: s.tooltipConnecting };
    case 'unreachable':
      return { icon: 'unreachable', tooltip: truncate(s.tooltipUnreachable(engine.error.replace(/\s+/g, ' ').trim())) };
    case 'connected': {
      const count = (st: string) => state.containers.filter((c) => c.state === st).length;
      const parts = [
        [count('running'), s.tooltipRunning],
        [count('paused'), s.tooltipPaused],
        [count('restarting'), s.tooltipRestarting],
      ] as const;
      const summary = parts.filter(([n]) => n > 0).map(([n, text]) => text(n));
      const anyUp = state.containers.some((c) => isUp(c.state));
      const engineName = s.engineName(engine.engine.name, engine.engine.version);
      const base = s.tooltipConnected(summary.length > 0 ? summary.join(', ') : s.tooltipNothingRunning, engineName);
      return { icon: anyUp ? 'running' : 'idle', tooltip: truncate(totals ? `${base} · ${usage(totals)}` : base) };
    }
  }
}

function usage(t: StatsTotals): string {
  const hostMemory = t.hostMemoryBytes === null ? null : formatBytes(t.hostMemoryBytes);
  return s.tooltipUsage(formatPercent(t.cpuPercent), t.hostCpus, formatBytes(t.memoryBytes), hostMemory);
}

function truncate(text: string): string {
  return text.length <= MAX_TOOLTIP_CHARS ? text : `${text.slice(0, MAX_TOOLTIP_CHARS - 1)}…`;
}
