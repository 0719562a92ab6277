import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import './table.css';
import { iconElement } from './icon-element';

export type SortDirection = 'asc' | 'desc';

/** A column header that sorts; the th around it carries aria-sort. */
export function SortButton({ label, accessibleName, direction, onClick }: { label: string; accessibleName?: string | undefined; direction: SortDirection | null; onClick(): void }) {
  const Icon = direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ArrowUpDown;
  return (
    <button type="button" className={`ui-sort-button${direction ? ' ui-sort-active' : ''}`} aria-label={accessibleName} onClick={onClick}>
      <span className="ui-truncate">{label}</span>
      {iconElement(Icon, 12, 'ui-sort-icon')}
    </button>
  );
}
