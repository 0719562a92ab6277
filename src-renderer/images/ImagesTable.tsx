import { hrefs } from '../router/route';
import { formatBytes, formatFullDate } from '../containers/format';
import { RelativeTime } from '../containers/StatusLine';
import { useBerthStore } from '../store/store';
import { DataTable, type Column } from '../ui/DataTable';
import type { ImageRow } from './image-rows';
import { shortImageId } from './image-rows';
import type { ImageSortColumn } from './images-slice';
import { ImageRowActions } from './ImageRowActions';
import { RegistryBadge } from './RegistryBadge';
import { imageStrings as t } from './strings';

/** One row per name of an image (untagged images once, as <none>). */
export function ImagesTable({ rows }: { rows: ImageRow[] }) {
  const sort = useBerthStore((s) => s.imageSort);
  const sortBy = useBerthStore((s) => s.sortImagesBy);
  const columns: Column<ImageRow>[] = [
    {
      key: 'name',
      header: t.columns.name,
      sortKey: 'name',
      title: (r) => r.ref,
      cell: (r) => (
        <a href={hrefs.image(r.image.id)} className={r.tag ? 'image-name' : 'image-name untagged'}>
          {r.ref}
        </a>
      ),
    },
    { key: 'registry', header: t.columns.registry, sortKey: 'registry', width: '150px', hideBelow: 'md', title: (r) => r.registry ?? '', cell: (r) => <RegistryBadge registry={r.registry} /> },
    { key: 'id', header: t.columns.id, width: '118px', hideBelow: 'md', title: (r) => r.image.id, cell: (r) => <code>{shortImageId(r.image.id)}</code> },
    { key: 'size', header: t.columns.size, sortKey: 'size', width: '96px', numeric: true, cell: (r) => formatBytes(r.image.size) },
    {
      key: 'created',
      header: t.columns.created,
      sortKey: 'created',
      width: '128px',
      hideBelow: 'sm',
      title: (r) => formatFullDate(r.image.created),
      cell: (r) => <RelativeTime seconds={r.image.created} />,
    },
    {
      key: 'used',
      header: t.columns.usedBy,
      sortKey: 'usedBy',
      width: '196px',
      cell: (r) => <span className={r.image.usedBy.total === 0 ? 'ui-muted' : undefined}>{t.usedBy(r.image.usedBy.running, r.image.usedBy.total)}</span>,
      title: (r) => t.usedBy(r.image.usedBy.running, r.image.usedBy.total),
    },
    {
      key: 'actions',
      header: t.columns.actions,
      hideHeader: true,
      width: '164px',
      overflow: 'visible',
      cell: (r) => <ImageRowActions target={{ id: r.image.id, tag: r.tag, ref: r.ref }} />,
    },
  ];
  return (
    <DataTable
      label={t.tableLabel}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      rowProps={(r) => ({ 'data-image-id': r.image.id })}
      sort={{ key: sort.column, direction: sort.direction }}
      onSort={(key) => sortBy(key as ImageSortColumn)}
      sortLabel={t.sortBy}
      scroll
    />
  );
}
