import { DataTable, type Column } from './DataTable';

/**
 * Name → value pairs (labels, environment, driver options) as every details page shows
 * them: a two-column table, names on one line with a tooltip, values (machine text) wrapping
 * anywhere so nothing is cut; `empty` in muted text when there are none.
 */
export function PairTable({ label, headers, rows, empty }: { label: string; headers: readonly [string, string]; rows: readonly (readonly [string, string])[]; empty: string }) {
  if (rows.length === 0) return <p className="ui-muted">{empty}</p>;
  const columns: Column<readonly [string, string]>[] = [
    { key: 'k', header: headers[0], width: '36%', cell: ([k]) => <code>{k}</code>, title: ([k]) => k },
    { key: 'v', header: headers[1], overflow: 'anywhere', cell: ([, v]) => <code>{v}</code> },
  ];
  return <DataTable label={label} columns={columns} rows={rows} rowKey={([k, v]) => `${k}=${v}`} />;
}

/** A record's entries sorted by name, as PairTable takes them. */
export const sortedPairs = (record: Record<string, string>): [string, string][] => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
