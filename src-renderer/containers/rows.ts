import type { ContainerState, ContainerSummary, PortMapping } from '../../src-common/index';
import { statusText } from '../../src-common/container-status';
import type { StatsSample } from '../../src-common/models/stats';
import type { SortColumn, SortOrder } from '../store/types';
import { naturalCollator } from '../shared/locale-formats';

export interface GroupRow {
  kind: 'group';
  key: string;
  project: string;
  /** Members that pass the filter, sorted, even when the group is collapsed. */
  memberIds: string[];
  runningCount: number;
  collapsed: boolean;
}

export interface ContainerRow {
  kind: 'container';
  key: string;
  id: string;
  /** The compose project the row is indented under, or null. */
  group: string | null;
}

export type TableRow = GroupRow | ContainerRow;

export interface RowOptions {
  filterText: string;
  runningOnly: boolean;
  sort: SortOrder;
  collapsedGroups: ReadonlySet<string>;
  /** The newest usage reading of a container, for sorting by CPU or memory. */
  usage?: UsageLookup;
}

export type UsageLookup = (id: string) => StatsSample | undefined;

/** States in which a container has processes (and so counts as "running" for the toggle and for force). */
export const isLive = (state: ContainerState): boolean =>
  state === 'running' || state === 'paused' || state === 'restarting';

/** How a port reads in the table and in the filter: "8080:80/tcp" or "80/tcp". */
export const portLabel = (p: PortMapping): string =>
  p.publicPort === undefined ? `${p.privatePort}/${p.type}` : `${p.publicPort}:${p.privatePort}/${p.type}`;

/** Published host ports, once each (the engine lists IPv4 and IPv6 bindings separately). */
export function publishedPorts(ports: readonly PortMapping[]): number[] {
  const seen = new Set<number>();
  for (const p of ports) if (p.publicPort !== undefined) seen.add(p.publicPort);
  return [...seen].sort((a, b) => a - b);
}

const searchText = (c: ContainerSummary): string =>
  [c.name, c.image, c.state, statusText(c, Date.now()), c.composeProject ?? '', c.composeService ?? '', ...c.ports.map(portLabel)]
    .join('\n')
    .toLowerCase();

/** The filter's whitespace-separated terms, lower-cased: split once per derivation, not once per container. */
const filterTerms = (filterText: string): string[] => filterText.toLowerCase().split(/\s+/).filter(Boolean);

const matchesTerms = (c: ContainerSummary, terms: readonly string[]): boolean => {
  if (terms.length === 0) return true;
  const text = searchText(c);
  return terms.every((t) => text.includes(t));
};

/** Every whitespace-separated term must appear in name, image, state/status, ports or compose project. */
export const matchesFilter = (c: ContainerSummary, filterText: string): boolean => matchesTerms(c, filterTerms(filterText));

const STATE_ORDER: Record<ContainerState, number> = {
  running: 0,
  restarting: 1,
  paused: 2,
  created: 3,
  removing: 4,
  exited: 5,
  dead: 6,
};

const sinceOf = (c: ContainerSummary): number => c.startedAt ?? c.finishedAt ?? 0;

const usageValue = (column: SortColumn, usage: UsageLookup, id: string): number | null => {
  const sample = usage(id);
  return (column === 'cpu' ? sample?.cpuPercent : sample?.memoryBytes) ?? null;
};

function compareBy(column: SortColumn, a: ContainerSummary, b: ContainerSummary, usage: UsageLookup): number {
  switch (column) {
    case 'name':
      return naturalCollator().compare(a.name, b.name);
    case 'image':
      return naturalCollator().compare(a.image, b.image);
    case 'state':
      return STATE_ORDER[a.state] - STATE_ORDER[b.state];
    case 'status':
      // By state, then the most recent start or end first ("Up 5 seconds" before "Up 2 hours").
      return STATE_ORDER[a.state] - STATE_ORDER[b.state] || sinceOf(b) - sinceOf(a);
    case 'ports': {
      // Containers without published ports sort after those with ports.
      const pa = publishedPorts(a.ports)[0] ?? Number.MAX_SAFE_INTEGER;
      const pb = publishedPorts(b.ports)[0] ?? Number.MAX_SAFE_INTEGER;
      return pa - pb;
    }
    case 'created':
      return a.created - b.created;
    case 'cpu':
    case 'memory':
      return (usageValue(column, usage, a.id) ?? 0) - (usageValue(column, usage, b.id) ?? 0);
  }
}

const noUsage: UsageLookup = () => undefined;

/** Sort comparator for containers; ties break on name, then id, so the order is stable across updates. */
export function containerComparator(sort: SortOrder, usage: UsageLookup = noUsage): (a: ContainerSummary, b: ContainerSummary) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byUsage = sort.column === 'cpu' || sort.column === 'memory';
  // Containers without a reading (stopped, not read yet) go after those with one, in either direction.
  const unread = (a: ContainerSummary, b: ContainerSummary): number => {
    if (!byUsage) return 0;
    const ra = usageValue(sort.column, usage, a.id) === null;
    const rb = usageValue(sort.column, usage, b.id) === null;
    return ra === rb ? 0 : ra ? 1 : -1;
  };
  return (a, b) =>
    unread(a, b) ||
    sign * compareBy(sort.column, a, b, usage) || naturalCollator().compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Block {
  /** What the block sorts as: the container itself, or a group's leading member (named after the project for name sort). */
  lead: ContainerSummary;
  rows: TableRow[];
}

/**
 * The table's rows: filtered, sorted, with compose projects as a group row
 * followed by their members (sorted within the group). A group takes its place
 * among the other rows by its first member, or by project name when sorting by name.
 */
export function deriveRows(all: Iterable<ContainerSummary>, options: RowOptions): TableRow[] {
  const compare = containerComparator(options.sort, options.usage);
  const terms = filterTerms(options.filterText);
  const loose: ContainerSummary[] = [];
  const groups = new Map<string, ContainerSummary[]>();
  for (const c of all) {
    if (options.runningOnly && !isLive(c.state)) continue;
    if (!matchesTerms(c, terms)) continue;
    if (c.composeProject) {
      const members = groups.get(c.composeProject);
      if (members) members.push(c);
      else groups.set(c.composeProject, [c]);
    } else loose.push(c);
  }

  const blocks: Block[] = loose.map((c) => ({ lead: c, rows: [{ kind: 'container', key: c.id, id: c.id, group: null }] }));
  for (const [project, members] of groups) {
    members.sort(compare);
    const collapsed = options.collapsedGroups.has(project);
    const header: GroupRow = {
      kind: 'group',
      key: `group:${project}`,
      project,
      memberIds: members.map((m) => m.id),
      runningCount: members.filter((m) => m.state === 'running').length,
      collapsed,
    };
    const first = members[0]!;
    const lead = options.sort.column === 'name' ? { ...first, name: project } : first;
    const rows: TableRow[] = [header];
    if (!collapsed) for (const m of members) rows.push({ kind: 'container', key: m.id, id: m.id, group: project });
    blocks.push({ lead, rows });
  }

  blocks.sort((a, b) => compare(a.lead, b.lead));
  return blocks.flatMap((b) => b.rows);
}

/** Ids of the container rows the user can see (for "Select all shown"). */
export const shownContainerIds = (rows: readonly TableRow[]): string[] =>
  rows.flatMap((r) => (r.kind === 'container' ? [r.id] : []));
