import type { ReactNode } from 'react';
import { SortButton, type SortDirection } from './SortButton';
import './table.css';

export interface Column<Row> {
  key: string;
  header: string;
  cell(row: Row): ReactNode;
  /** The whole text of a truncated cell, for its tooltip (defaults to the cell when it is a string). */
  title?(row: Row): string;
  /** A fixed width ("120px", "20%"); columns without one share what is left. */
  width?: string;
  /** Numbers: right-aligned, tabular figures. */
  numeric?: boolean;
  /**
   * Long text: 'truncate' (default — one line, ellipsis, tooltip), 'wrap' (between words only),
   * 'anywhere' (machine text such as paths and commands, wraps at any character),
   * 'visible' (controls: a row of buttons sized by the column's width).
   */
  overflow?: 'truncate' | 'wrap' | 'anywhere' | 'visible';
  /** Hidden when the table is narrower than 720 px ('sm') or 960 px ('md'). */
  hideBelow?: 'sm' | 'md';
  /** Sortable by this key. */
  sortKey?: string;
  /** A header only for screen readers (e.g. the actions column). */
  hideHeader?: boolean;
}

export interface DataTableProps<Row> {
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  caption?: ReactNode;
  sort?: { key: string; direction: SortDirection };
  onSort?(key: string): void;
  rowClassName?(row: Row): string | undefined;
  rowProps?(row: Row): Record<string, string>;
  /** Scrolls inside its own box with a sticky header (pages); else grows with its content. */
  scroll?: boolean;
  sortLabel?(header: string): string;
}

const cellClass = <Row,>(c: Column<Row>) =>
  [c.numeric ? 'ui-num' : null, c.hideBelow ? `ui-hide-${c.hideBelow}` : null, c.overflow === 'wrap' ? 'ui-cell-wrap' : null, c.overflow === 'anywhere' ? 'ui-cell-wrap ui-wrap-anywhere' : null, c.overflow === 'visible' ? 'ui-cell-controls' : null]
    .filter(Boolean)
    .join(' ') || undefined;

/**
 * A dense data table on the tokens: fixed column widths decided here (never by the longest
 * cell), truncation with a tooltip instead of breaking words, numbers right-aligned, a sticky
 * header, and columns of lesser importance dropped when the table is narrow.
 */
export function DataTable<Row>({ label, columns, rows, rowKey, caption, sort, onSort, rowClassName, rowProps, scroll = false, sortLabel }: DataTableProps<Row>) {
  const multiline = columns.some((c) => c.overflow === 'wrap' || c.overflow === 'anywhere');
  const table = (
    <table className={`ui-table${multiline ? ' ui-table-multiline' : ''}`} aria-label={caption ? undefined : label}>
      {caption && <caption>{caption}</caption>}
      <colgroup>
        {columns.map((c) => (
          <col key={c.key} className={c.hideBelow ? `ui-hide-${c.hideBelow}` : undefined} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => {
            const active = sort && c.sortKey === sort.key;
            return (
              <th
                key={c.key}
                scope="col"
                className={cellClass(c)}
                aria-sort={c.sortKey && sort ? (active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
              >
                {c.sortKey && onSort ? (
                  <SortButton label={c.header} accessibleName={sortLabel?.(c.header)} direction={active ? sort.direction : null} onClick={() => onSort(c.sortKey!)} />
                ) : c.hideHeader ? (
                  <span className="visually-hidden">{c.header}</span>
                ) : (
                  <span className="ui-truncate" title={c.header}>
                    {c.header}
                  </span>
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)} {...rowProps?.(row)}>
            {columns.map((c) => {
              const content = c.cell(row);
              const overflow = c.overflow ?? 'truncate';
              return (
                <td key={c.key} className={cellClass(c)}>
                  {overflow === 'truncate' ? (
                    <div className="ui-truncate" title={c.title?.(row) ?? (typeof content === 'string' ? content : undefined)}>
                      {content}
                    </div>
                  ) : (
                    content
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <div className={`ui-table-wrap${scroll ? ' ui-table-scroll' : ''}`}>{table}</div>;
}
