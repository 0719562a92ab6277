import { FolderOpen, Trash2 } from 'lucide-react';
import type { VolumeSizes, VolumeSummary } from '../../src-common/models/volumes';
import { formatBytes, formatRelativeTime } from '../containers/format';
import { hrefs } from '../router/route';
import { useNow } from '../shell/use-now';
import { useBerthStore } from '../store/store';
import { Badge } from '../ui/Badge';
import { DataTable, type Column } from '../ui/DataTable';
import { IconButton } from '../ui/IconButton';
import { IconLink } from '../ui/IconLink';
import { sizeOf } from './volume-rows';
import { volumeStrings as t } from './strings';

const c = t.columns;

function sizeCell(v: VolumeSummary, sizes: VolumeSizes | null): string {
  const size = sizeOf(v, sizes);
  if (size === null) return t.sizeNotMeasured;
  return size < 0 ? t.sizeUnknown : formatBytes(size);
}

function columns(sizes: VolumeSizes | null, now: number): Column<VolumeSummary>[] {
  return [
    {
      key: 'name',
      header: c.name,
      sortKey: 'name',
      title: (v) => v.name,
      cell: (v) => (
        <span className="volume-name">
          <a href={hrefs.volume(v.name)} className={v.anonymous ? 'anonymous' : undefined}>
            {v.name}
          </a>
          {v.anonymous && (
            <Badge tone="neutral" title={t.anonymousHint}>
              {t.anonymous}
            </Badge>
          )}
        </span>
      ),
    },
    { key: 'driver', header: c.driver, sortKey: 'driver', width: '90px', hideBelow: 'sm', cell: (v) => v.driver },
    { key: 'project', header: c.project, sortKey: 'project', width: '14%', hideBelow: 'md', cell: (v) => v.composeProject ?? '' },
    {
      key: 'usedBy',
      header: c.usedBy,
      sortKey: 'usedBy',
      width: '22%',
      title: (v) => v.usedBy.map((u) => `${u.name} (${u.state})`).join(', '),
      cell: (v) =>
        v.usedBy.length === 0 ? <span className="unused">{t.unused}</span> : t.usedBy(v.usedBy.map((u) => u.name)),
    },
    {
      key: 'size',
      header: c.size,
      sortKey: 'size',
      width: '124px',
      numeric: true,
      cell: (v) => <span data-bytes={sizeOf(v, sizes) ?? undefined}>{sizeCell(v, sizes)}</span>,
      title: (v) => sizeCell(v, sizes),
    },
    {
      key: 'created',
      header: c.created,
      sortKey: 'created',
      width: '130px',
      hideBelow: 'sm',
      title: (v) => (v.created ? new Date(v.created).toLocaleString() : ''),
      cell: (v) => (v.created ? formatRelativeTime(Date.parse(v.created) / 1000, now) : ''),
    },
    {
      key: 'actions',
      header: c.actions,
      hideHeader: true,
      width: '84px',
      overflow: 'wrap',
      cell: (v) => (
        <span className="volume-row-actions">
          <IconLink size="sm" icon={FolderOpen} label={t.actions.browse(v.name)} href={hrefs.volume(v.name, 'files')} />
          <IconButton
            size="sm"
            variant="danger"
            icon={Trash2}
            label={t.actions.remove(v.name)}
            onClick={() => useBerthStore.getState().openVolumeDialog({ kind: 'remove', name: v.name })}
          />
        </span>
      ),
    },
  ];
}

export function VolumesTable({ rows, sizes }: { rows: VolumeSummary[]; sizes: VolumeSizes | null }) {
  const now = useNow(30_000);
  const sort = useBerthStore((s) => s.volumeSort);
  const sortBy = useBerthStore((s) => s.sortVolumesBy);
  return (
    <DataTable
      label={t.tableLabel}
      columns={columns(sizes, now)}
      rows={rows}
      rowKey={(v) => v.name}
      rowProps={(v) => ({ 'data-volume': v.name })}
      sort={{ key: sort.column, direction: sort.direction }}
      onSort={(key) => sortBy(key as Parameters<typeof sortBy>[0])}
      sortLabel={t.sortBy}
      scroll
    />
  );
}
