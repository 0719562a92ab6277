import type { ContainerState } from '../../src-common/models/container';
import { formatBytes, formatPercent } from '../../src-common/usage-format';
import { statsStrings as t } from './strings';
import { useUsage } from './use-usage';

const sampled = (state: ContainerState) => state === 'running' || state === 'paused';

/** The CPU and memory cells of one row: empty (not zero) for a stopped container or one not read yet. */
export function UsageCells({ id, state }: { id: string; state: ContainerState }) {
  const usage = useUsage(id);
  const show = usage && sampled(state) ? usage : undefined;
  const cpu = show?.cpuPercent ?? null;
  const used = show?.memoryBytes ?? null;
  const limit = show?.memoryLimitBytes ?? null;
  const usedText = used === null ? '' : formatBytes(used);
  const limitText = limit === null ? null : formatBytes(limit);
  return (
    <>
      <div role="cell" className="ui-grid-cell cell-cpu" title={cpu === null ? undefined : t.cpuTitle(formatPercent(cpu))}>
        {cpu === null ? '' : formatPercent(cpu)}
      </div>
      <div
        role="cell"
        className="ui-grid-cell cell-memory"
        title={used === null ? undefined : t.memoryTitle(usedText, limitText, limit ? formatPercent((used / limit) * 100) : null)}
      >
        {used === null ? '' : limitText ? t.memoryOf(usedText, limitText) : usedText}
      </div>
    </>
  );
}

/** A compose project's total, in its group row. */
export function GroupUsage({ project, sum }: { project: string; sum: { cpuPercent: number; memoryBytes: number } | null }) {
  if (!sum) return null;
  const cpu = formatPercent(sum.cpuPercent);
  const memory = formatBytes(sum.memoryBytes);
  return (
    <span className="group-usage" aria-label={t.groupUsageLabel(project, cpu, memory)}>
      {t.groupUsage(cpu, memory)}
    </span>
  );
}
