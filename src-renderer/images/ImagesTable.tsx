import { hrefs } from '../router/route';
import { formatBytes } from '../containers/format';
import { RelativeTime } from '../containers/StatusLine';
import { useBerthStore } from '../store/store';
import type { ImageRow } from './image-rows';
import { shortImageId } from './image-rows';
import type { ImageSortColumn } from './images-slice';
import { ImageRowActions } from './ImageRowActions';
import { RegistryBadge } from './RegistryBadge';
import { imageStrings as t } from './strings';

const columns: { column: ImageSortColumn | null; label: string; className: string }[] = [
  { column: 'name', label: t.columns.name, className: 'col-name' },
  { column: 'registry', label: t.columns.registry, className: 'col-registry' },
  { column: null, label: t.columns.id, className: 'col-id' },
  { column: 'size', label: t.columns.size, className: 'col-size' },
  { column: 'created', label: t.columns.created, className: 'col-created' },
  { column: 'usedBy', label: t.columns.usedBy, className: 'col-used' },
  { column: null, label: t.columns.actions, className: 'col-actions' },
];

function Head() {
  const sort = useBerthStore((s) => s.imageSort);
  const sortBy = useBerthStore((s) => s.sortImagesBy);
  return (
    <thead>
      <tr>
        {columns.map(({ column, label, className }) => {
          const active = column !== null && sort.column === column;
          return (
            <th
              key={label}
              scope="col"
              className={className}
              aria-sort={column === null ? undefined : active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              {column === null ? (
                label
              ) : (
                <button type="button" className="sort-button" aria-label={t.sortBy(label)} onClick={() => sortBy(column)}>
                  {label}
                  <span className="sort-mark" aria-hidden="true">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

function Row({ row }: { row: ImageRow }) {
  const img = row.image;
  return (
    <tr data-image-id={img.id}>
      <td className="col-name">
        <a href={hrefs.image(img.id)} className={row.tag ? undefined : 'untagged'}>
          {row.ref}
        </a>
      </td>
      <td className="col-registry">
        <RegistryBadge registry={row.registry} />
      </td>
      <td className="col-id">
        <code>{shortImageId(img.id)}</code>
      </td>
      <td className="col-size">{formatBytes(img.size)}</td>
      <td className="col-created">
        <RelativeTime seconds={img.created} />
      </td>
      <td className={`col-used${img.usedBy.total === 0 ? ' unused' : ''}`}>{t.usedBy(img.usedBy.running, img.usedBy.total)}</td>
      <td className="col-actions">
        <ImageRowActions target={{ id: img.id, tag: row.tag, ref: row.ref }} />
      </td>
    </tr>
  );
}

/** One row per name of an image (untagged images once, as <none>). */
export function ImagesTable({ rows }: { rows: ImageRow[] }) {
  return (
    <div className="images-table-wrap">
      <table className="images-table" aria-label={t.tableLabel}>
        <Head />
        <tbody>
          {rows.map((row) => (
            <Row key={row.key} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
