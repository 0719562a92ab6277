import type { CSSProperties } from 'react';
import { Play, ScrollText, Square, Trash2 } from 'lucide-react';
import { logStrings } from '../logs/strings';
import { hrefs } from '../router/route';
import { useBerthStore } from '../store/store';
import { useNotLiveReason } from '../shell/engine-live';
import { DisclosureButton } from '../ui/DisclosureButton';
import { IconButton } from '../ui/IconButton';
import { IconLink } from '../ui/IconLink';
import { runOnAll } from './actions';
import type { GroupRow as GroupRowData } from './rows';
import { containerStrings as t } from './strings';
import { GroupUsage } from '../stats/UsageCells';
import { useUsageSum } from '../stats/use-usage';

/** The header row of a compose project: collapse toggle, summary and actions on all its shown members. */
export function GroupRow({ group, rowIndex, style }: { group: GroupRowData; rowIndex: number; style: CSSProperties }) {
  const toggleGroup = useBerthStore((s) => s.toggleGroup);
  const askRemove = useBerthStore((s) => s.askRemove);
  const busy = useBerthStore((s) => group.memberIds.some((id) => s.pending[id] !== undefined));
  const notLive = useNotLiveReason();
  // While the engine is away the group's actions are off, with the reason as their tooltip.
  const off = notLive ? { disabled: true, title: notLive } : { disabled: busy };
  const { project, memberIds, runningCount, collapsed } = group;
  const logsLabel = logStrings.projectLink(project);
  const usage = useUsageSum(memberIds);
  return (
    <div role="row" aria-rowindex={rowIndex} className="ui-grid-row group-row" style={style}>
      <div role="cell" className="ui-grid-cell cell-group">
        <DisclosureButton
          className="group-toggle"
          expanded={!collapsed}
          label={collapsed ? t.group.expand(project) : t.group.collapse(project)}
          onToggle={() => toggleGroup(project)}
        >
          <span className="group-name ui-truncate" title={project}>
            {project}
          </span>
        </DisclosureButton>
        <span className="group-summary">{t.group.summary(runningCount, memberIds.length)}</span>
        <GroupUsage project={project} sum={usage} />
      </div>
      <div role="cell" className="ui-grid-cell group-actions">
        <IconLink size="sm" icon={ScrollText} href={hrefs.projectLogs(project)} label={logsLabel} />
        <IconButton size="sm" icon={Play} label={t.group.startAll(project)} {...off} onClick={() => void runOnAll(memberIds, 'start')} />
        <IconButton size="sm" icon={Square} label={t.group.stopAll(project)} {...off} onClick={() => void runOnAll(memberIds, 'stop')} />
        <IconButton size="sm" icon={Trash2} variant="danger" label={t.group.remove(project)} {...off} onClick={() => askRemove(memberIds)} />
      </div>
    </div>
  );
}
