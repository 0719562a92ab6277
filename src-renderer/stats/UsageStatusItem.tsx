import { formatBytes, formatPercent } from '../../src-common/usage-format';
import { statsStrings as t } from './strings';
import { useStatsLive } from './use-stats-live';
import { useTotals } from './use-usage';
import { useBerthStore } from '../store/store';
import './stats.css';

/** The status bar's engine-wide usage: all running containers against the host's CPUs and memory. */
export function UsageStatusItem() {
  const connected = useBerthStore((s) => s.engineStatus?.state === 'connected');
  useStatsLive([], connected);
  const totals = useTotals();
  if (!connected || !totals) return null;
  const hostMemory = totals.hostMemoryBytes === null ? null : formatBytes(totals.hostMemoryBytes);
  const text = t.statusBar(formatPercent(totals.cpuPercent), totals.hostCpus, formatBytes(totals.memoryBytes), hostMemory);
  const partial = totals.measured < totals.running ? t.statusBarPartial(totals.measured, totals.running) : '';
  return (
    <span className="statusbar-item statusbar-usage" role="group" aria-label={t.statusBarLabel} title={t.statusBarTitle}>
      {text}
      {partial}
    </span>
  );
}
