import type { CSSProperties } from 'react';
import { hrefs } from '../router/route';
import { useBerthStore } from '../store/store';
import { ContainerActions } from './ContainerActions';
import { PortLinks } from './PortLinks';
import { StateBadge } from './StateBadge';
import { RelativeTime, StatusLine } from './StatusLine';
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
      className={`table-row${inGroup ? ' in-group' : ''}${selected ? ' selected' : ''}`}
      style={style}
      data-container-id={c.id}
    >
      <div role="cell" className="cell cell-select">
        <input
          type="checkbox"
          aria-label={t.select(c.name)}
          checked={selected}
          onChange={(e) => toggleSelected(id, e.target.checked)}
        />
      </div>
      <div role="cell" className="cell cell-name">
        <a href={hrefs.container(c.id)} title={c.name}>
          {c.name}
        </a>
      </div>
      <div role="cell" className="cell cell-image" title={c.image}>
        {c.image}
      </div>
      <div role="cell" className="cell cell-state">
        <StateBadge container={c} />
      </div>
      <div role="cell" className="cell cell-status">
        <StatusLine facts={c} />
      </div>
      <div role="cell" className="cell cell-ports">
        <PortLinks ports={c.ports} />
      </div>
      <div role="cell" className="cell cell-created">
        <RelativeTime seconds={c.created} />
      </div>
      <div role="cell" className="cell cell-actions">
        <ContainerActions container={c} />
      </div>
    </div>
  );
}
