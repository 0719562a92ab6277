import type { SortColumn } from '../store/types';
import { containerStrings as t } from './strings';

export const ROW_HEIGHT = 36;

export const sortableColumns: { column: SortColumn; label: string }[] = [
  { column: 'name', label: t.columns.name },
  { column: 'image', label: t.columns.image },
  { column: 'state', label: t.columns.state },
  { column: 'cpu', label: t.columns.cpu },
  { column: 'memory', label: t.columns.memory },
  { column: 'status', label: t.columns.status },
  { column: 'ports', label: t.columns.ports },
  { column: 'created', label: t.columns.created },
];

/** Selection + sortable columns + actions. */
export const COLUMN_COUNT = sortableColumns.length + 2;
