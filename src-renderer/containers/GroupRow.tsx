import type { CSSProperties } from 'react';
import { logStrings } from '../logs/strings';
import { hrefs } from '../router/route';
import { useBerthStore } from '../store/store';
import { runOnAll } from './actions';
import { Icon } from './Icon';
import type { GroupRow as GroupRowData } from './rows';
import { containerStrings as t } from './strings';

/** The header row of a compose project: collapse toggle, summary and actions on all its shown members. */
export function GroupRow({ group, rowIndex, style }: { group: GroupRowData; rowIndex: number; style: CSSProperties }) {
  const toggleGroup = useBerthStore((s) => s.toggleGroup);
  const askRemove = useBerthStore((s) => s.askRemove);
  const busy = useBerthStore((s) => group.memberIds.some((id) => s.pending[id] !== undefined));
  const { project, memberIds, runningCount, collapsed } = group;
  return (
    <div role="row" aria-rowindex={rowIndex} className="table-row group-row" style={style}>
      <div role="cell" className="cell cell-group">
        <button
          type="button"
          className="group-toggle"
          aria-expanded={!collapsed}
          aria-label={collapsed ? t.group.expand(project) : t.group.collapse(project)}
          onClick={() => toggleGroup(project)}
        >
          <span className={collapsed ? 'chevron collapsed' : 'chevron'}>
            <Icon name="chevron" />
          </span>
          <span className="group-name">{project}</span>
        </button>
        <span className="group-summary">{t.group.summary(runningCount, memberIds.length)}</span>
      </div>
      <div role="cell" className="cell cell-actions group-actions">
        <a className="button-small" href={hrefs.projectLogs(project)}>
          {logStrings.projectLink(project)}
        </a>
        <button type="button" className="button-small" disabled={busy} onClick={() => void runOnAll(memberIds, 'start')}>
          {t.group.startAll(project)}
        </button>
        <button type="button" className="button-small" disabled={busy} onClick={() => void runOnAll(memberIds, 'stop')}>
          {t.group.stopAll(project)}
        </button>
        <button type="button" className="button-small button-danger" disabled={busy} onClick={() => askRemove(memberIds)}>
          {t.group.remove(project)}
        </button>
      </div>
    </div>
  );
}
