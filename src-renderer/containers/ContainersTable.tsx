import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { afterNextPaint } from '../shell/after-first-screen';
import { useBerthStore } from '../store/store';
import { Checkbox } from '../ui/Checkbox';
import { SortButton } from '../ui/SortButton';
import { ContainerRow } from './ContainerRow';
import { GroupRow } from './GroupRow';
import type { TableRow } from './rows';
import { containerStrings as t } from './strings';
import { ROW_HEIGHT, sortableColumns } from './table-columns';
import { useStatsLive } from '../stats/use-stats-live';
import { idsOnScreen, MAX_WATCHED } from '../stats/ids-on-screen';
import { withoutLayoutOnMount } from '../ui/virtual-mount';
import './containers.css';

function SelectAllShown({ shownIds }: { shownIds: string[] }) {
  const { selection, setSelection } = useBerthStore(useShallow((s) => ({ selection: s.selection, setSelection: s.setSelection })));
  const selectedShown = shownIds.filter((id) => selection.has(id)).length;
  const allShown = shownIds.length > 0 && selectedShown === shownIds.length;
  return (
    <Checkbox
      label={t.selectAllShown}
      hideLabel
      checked={allShown}
      indeterminate={selectedShown > 0 && !allShown}
      disabled={shownIds.length === 0}
      onChange={(on) => setSelection(on ? new Set([...selection, ...shownIds]) : [])}
    />
  );
}

function SortHeaders({ shownIds }: { shownIds: string[] }) {
  const sort = useBerthStore((s) => s.sort);
  const sortBy = useBerthStore((s) => s.sortBy);
  return (
    <div role="rowgroup" className="ui-grid-head">
      <div role="row" aria-rowindex={1} className="ui-grid-row">
        <div role="columnheader" className="ui-grid-cell cell-select">
          <SelectAllShown shownIds={shownIds} />
        </div>
        {sortableColumns.map(({ column, label }) => {
          const active = sort.column === column;
          return (
            <div
              key={column}
              role="columnheader"
              className={`ui-grid-cell cell-${column}`}
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <SortButton label={label} accessibleName={t.sortBy(label)} direction={active ? sort.direction : null} onClick={() => sortBy(column)} />
            </div>
          );
        })}
        <div role="columnheader" className="ui-grid-cell cell-actions">
          <span className="visually-hidden">{t.columns.actions}</span>
        </div>
      </div>
    </div>
  );
}

/**
 * The least height the page takes besides the table's body: the page header, toolbar and
 * column headers above it (134 px in a wide window, more where the toolbar wraps) and the
 * status bar below it (43 px). See withoutLayoutOnMount.
 */
const PAGE_BESIDES_TABLE_BODY = 160;

/** How long the rows-painted mark waits for a frame at most (a hidden tab paints none). */
const ROWS_PAINTED_CAP_MS = 5_000;

/** Rows rendered beyond the visible ones, for scrolling without blank rows. */
const OVERSCAN = 8;

/**
 * The overscan rows wait until the first rows have been painted: they are off screen, and
 * with them the first render of a long list drew 8 more rows than it showed (each row is
 * a few milliseconds of rendering and layout). Returns the overscan to use now.
 */
function useOverscanAfterFirstPaint(hasRows: boolean): number {
  const [overscan, setOverscan] = useState(0);
  // Start-up marks for traces and benches, beside main.tsx's and start-app.tsx's: the first
  // rows are in the page (before layout and paint), then on screen. The cap is far above
  // any frame of a visible page: a mark set before the paint would flatter the bench.
  useLayoutEffect(() => {
    if (!hasRows || performance.getEntriesByName('berth:rows-committed').length > 0) return;
    performance.mark('berth:rows-committed');
    afterNextPaint(() => performance.mark('berth:rows-painted'), ROWS_PAINTED_CAP_MS);
  }, [hasRows]);
  useEffect(() => {
    if (!hasRows || overscan === OVERSCAN) return;
    // requestAnimationFrame runs just before the frame is painted; the timeout after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setOverscan(OVERSCAN));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [hasRows, overscan]);
  return overscan;
}

/**
 * The containers table. Rows are virtualized with a fixed height, so only the
 * visible ones (plus a few) are in the DOM, whatever the number of containers.
 */
export function ContainersTable({ rows, shownIds }: { rows: TableRow[]; shownIds: string[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const overscan = useOverscanAfterFirstPaint(rows.length > 0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    getItemKey: (index) => rows[index]?.key ?? index,
    ...withoutLayoutOnMount<HTMLDivElement>(PAGE_BESIDES_TABLE_BODY),
  });
  const sort = useBerthStore((s) => s.sort);
  const items = virtualizer.getVirtualItems();
  // Usage is read for the rows on screen only, or for every shown row while sorting by it.
  const byUsage = sort.column === 'cpu' || sort.column === 'memory';
  useStatsLive(byUsage ? shownIds.slice(0, MAX_WATCHED) : idsOnScreen(rows, items[0]?.index ?? 0, items.at(-1)?.index ?? -1), false);

  return (
    <div role="table" aria-label={t.tableLabel} aria-rowcount={rows.length + 1} className="ui-grid containers-table">
      <SortHeaders shownIds={shownIds} />
      <div ref={scrollRef} role="rowgroup" className="ui-grid-body">
        <div className="ui-grid-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
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
