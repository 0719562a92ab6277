import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useBerthStore } from '../store/store';
import { ContainerRow } from './ContainerRow';
import { GroupRow } from './GroupRow';
import type { TableRow } from './rows';
import { containerStrings as t } from './strings';
import { ROW_HEIGHT, sortableColumns } from './table-columns';

function SortHeaders() {
  const sort = useBerthStore((s) => s.sort);
  const sortBy = useBerthStore((s) => s.sortBy);
  return (
    <div role="rowgroup" className="table-head">
      <div role="row" aria-rowindex={1} className="table-row head-row">
        <div role="columnheader" className="cell cell-select">
          <span className="visually-hidden">{t.columns.select}</span>
        </div>
        {sortableColumns.map(({ column, label }) => {
          const active = sort.column === column;
          return (
            <div
              key={column}
              role="columnheader"
              className={`cell cell-${column}`}
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" className="sort-button" aria-label={t.sortBy(label)} onClick={() => sortBy(column)}>
                {label}
                <span className="sort-mark" aria-hidden="true">
                  {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
        <div role="columnheader" className="cell cell-actions">
          {t.columns.actions}
        </div>
      </div>
    </div>
  );
}

/**
 * The containers table. Rows are virtualized with a fixed height, so only the
 * visible ones (plus a few) are in the DOM, whatever the number of containers.
 */
export function ContainersTable({ rows }: { rows: TableRow[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  return (
    <div role="table" aria-label={t.tableLabel} aria-rowcount={rows.length + 1} className="containers-table">
      <SortHeaders />
      <div ref={scrollRef} role="rowgroup" className="table-body">
        <div className="table-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            const rowIndex = item.index + 2;
            return row.kind === 'group' ? (
              <GroupRow key={row.key} group={row} rowIndex={rowIndex} style={style} />
            ) : (
              <ContainerRow key={row.key} id={row.id} inGroup={row.group !== null} rowIndex={rowIndex} style={style} />
            );
          })}
        </div>
      </div>
    </div>
  );
}
