import type { CSSProperties } from 'react';
import { hrefs } from '../router/route';
import { useBerthStore } from '../store/store';
import { Checkbox } from '../ui/Checkbox';
import { ContainerActions } from './ContainerActions';
import { PortLinks } from './PortLinks';
import { publishedPorts } from './rows';
import { StateBadge } from './StateBadge';
import { RelativeTime, StatusLine } from './StatusLine';
import { UsageCells } from '../stats/UsageCells';
import { containerStrings as t } from './strings';

interface Props {
  id: string;
  inGroup: boolean;
  rowIndex: number;
  style: CSSProperties;
}

/** One container row; it reads its own entity so an event re-renders only this row. */
export function ContainerRow({ id, inGroup, rowIndex, style }: Props) {
  const c = useBerthStore((s) => s.containers[id]);
  const selected = useBerthStore((s) => s.selection.has(id));
  const toggleSelected = useBerthStore((s) => s.toggleSelected);
  if (!c) return null;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={`ui-grid-row${inGroup ? ' in-group' : ''}`}
      style={style}
      data-container-id={c.id}
    >
      <div role="cell" className="ui-grid-cell cell-select">
        <Checkbox label={t.select(c.name)} hideLabel checked={selected} onChange={(on) => toggleSelected(id, on)} />
      </div>
      <div role="cell" className="ui-grid-cell cell-name">
        <a href={hrefs.container(c.id)} title={c.name}>
          {c.name}
        </a>
      </div>
      <div role="cell" className="ui-grid-cell cell-image" title={c.image}>
        {c.image}
      </div>
      <div role="cell" className="ui-grid-cell cell-state">
        <StateBadge container={c} />
      </div>
      <UsageCells id={c.id} state={c.state} />
      <div role="cell" className="ui-grid-cell cell-status">
        <StatusLine facts={c} />
      </div>
      <div role="cell" className="ui-grid-cell cell-ports" title={publishedPorts(c.ports).map(t.portLink).join(', ')}>
        <PortLinks ports={c.ports} />
      </div>
      <div role="cell" className="ui-grid-cell cell-created">
        <RelativeTime seconds={c.created} />
      </div>
      <div role="cell" className="ui-grid-cell cell-actions">
        <ContainerActions container={c} />
      </div>
    </div>
  );
}
