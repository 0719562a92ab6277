import type { VolumeSizes, VolumeSummary } from '../../src-common/models/volumes';
import type { VolumesSlice } from './volumes-slice';

/** The size of a volume from the latest measurement: bytes, -1 (the driver cannot tell) or null (not measured). */
export const sizeOf = (v: VolumeSummary, sizes: VolumeSizes | null): number | null => {
  const size = sizes?.sizes[v.name];
  return size === undefined ? null : size;
};

const createdMs = (v: VolumeSummary) => (v.created ? Date.parse(v.created) : 0);

export function matchesVolumeFilter(v: VolumeSummary, filter: VolumesSlice['volumeFilter']): boolean {
  if (filter.unusedOnly && v.usedBy.length > 0) return false;
  const text = filter.text.trim().toLowerCase();
  if (text === '') return true;
  return [v.name, v.driver, v.composeProject ?? '', ...v.usedBy.map((u) => u.name)].some((s) => s.toLowerCase().includes(text));
}

export function compareVolumes(a: VolumeSummary, b: VolumeSummary, sort: VolumesSlice['volumeSort'], sizes: VolumeSizes | null): number {
  const byName = a.name.localeCompare(b.name);
  let diff: number;
  switch (sort.column) {
    case 'name':
      // Named volumes first: a wall of 64-hex names says little.
      diff = Number(a.anonymous) - Number(b.anonymous) || byName;
      break;
    case 'driver':
      diff = a.driver.localeCompare(b.driver);
      break;
    case 'project':
      diff = (a.composeProject ?? '').localeCompare(b.composeProject ?? '');
      break;
    case 'usedBy':
      diff = a.usedBy.length - b.usedBy.length;
      break;
    case 'size':
      diff = (sizeOf(a, sizes) ?? -2) - (sizeOf(b, sizes) ?? -2);
      break;
    case 'created':
      diff = createdMs(a) - createdMs(b);
      break;
  }
  return (sort.direction === 'asc' ? diff : -diff) || byName;
}

export function volumeRows(
  volumes: Record<string, VolumeSummary>,
  filter: VolumesSlice['volumeFilter'],
  sort: VolumesSlice['volumeSort'],
  sizes: VolumeSizes | null,
): { rows: VolumeSummary[]; total: number } {
  const all = Object.values(volumes);
  const rows = all.filter((v) => matchesVolumeFilter(v, filter)).sort((a, b) => compareVolumes(a, b, sort, sizes));
  return { rows, total: all.length };
}
