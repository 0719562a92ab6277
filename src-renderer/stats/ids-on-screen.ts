import type { TableRow } from '../containers/rows';

/** The most ids one view follows (the contract's limit). */
export const MAX_WATCHED = 500;

/**
 * The containers whose usage the rows from `first` to `last` show: container rows, and
 * every member of a compose group row (its header shows the project's total).
 */
export function idsOnScreen(rows: readonly TableRow[], first: number, last: number): string[] {
  const ids = new Set<string>();
  for (let i = Math.max(0, first); i <= last && i < rows.length; i++) {
    const row = rows[i]!;
    if (row.kind === 'container') ids.add(row.id);
    else for (const id of row.memberIds) ids.add(id);
  }
  return [...ids].slice(0, MAX_WATCHED);
}
