import type {
  BuildCachePrunePreview,
  BuildCachePruneResult,
  ContainerPrunePreview,
  ContainerPruneResult,
  StoppedContainer,
} from '../../../src-common/models/system';
import type { DockerClient } from '../connection/docker-client';
import type { RawContainerSummary } from '../connection/engine-types';
import { isHelperContainer } from '../connection/helper-containers';
import { settleEach } from '../connection/settle-each';
import type { DiskUsageMeter } from './disk-usage';
import { toBuildCacheRecords } from './disk-usage';
import { systemMessages } from './system-messages';
import type { RawBuildCachePrune } from './system-types';

/**
 * What `POST /containers/prune` takes: every container that is not running (a paused or
 * restarting one counts as running to the engine). `removing` ones are already going.
 */
const STOPPED_STATES = ['created', 'exited', 'dead'];
const REMOVE_CONCURRENCY = 4;
/** Build cache ids per prune request: they travel as one regular expression in the query. */
const IDS_PER_BUILD_PRUNE = 100;
/** Record types the engine keeps unless asked for all (its own helpers and frontends). */
const KEPT_UNLESS_ALL = new Set(['internal', 'frontend']);

const nameOf = (c: RawContainerSummary) => (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');

function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^Cannot [^:]+: /, '');
}

export interface SystemPruneDeps {
  requireClient(): DockerClient;
  meter: DiskUsageMeter;
}

export function createSystemPrune(deps: SystemPruneDeps) {
  const client = () => deps.requireClient();

  /** Stopped containers with their writable layer sizes (`size=1`: only these are measured). */
  async function stopped(filters: Record<string, string[]>): Promise<(RawContainerSummary & { SizeRw?: number })[]> {
    const list = await client().request<(RawContainerSummary & { SizeRw?: number })[]>({
      method: 'GET',
      path: '/containers/json',
      query: { all: true, size: true, filters: JSON.stringify({ ...filters, status: STOPPED_STATES }) },
      action: 'list stopped containers',
    });
    // Berth's own volume-browsing helpers are never started; they belong to open sessions.
    return list.filter((c) => STOPPED_STATES.includes(c.State ?? '') && !isHelperContainer(c.Labels));
  }

  const toItem = (c: RawContainerSummary & { SizeRw?: number }): StoppedContainer => ({
    id: c.Id,
    name: nameOf(c),
    image: c.Image ?? '',
    state: c.State ?? 'exited',
    size: typeof c.SizeRw === 'number' ? c.SizeRw : null,
  });

  async function containersPreview(labels?: readonly string[]): Promise<ContainerPrunePreview> {
    const list = await stopped(labels?.length ? { label: [...labels] } : {});
    return { items: list.map(toItem).sort((a, b) => a.name.localeCompare(b.name)) };
  }

  /** Removes the listed containers that are still stopped, one by one; anonymous volumes stay, as with the engine's prune. */
  async function containersPrune(ids: readonly string[]): Promise<ContainerPruneResult> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return { removed: [], failed: [], spaceReclaimed: 0 };
    const now = new Map((await stopped({ id: wanted })).map((c) => [c.Id, c]));
    const failed: ContainerPruneResult['failed'] = [];
    const go: (RawContainerSummary & { SizeRw?: number })[] = [];
    for (const id of wanted) {
      const c = now.get(id);
      if (c) go.push(c);
      else failed.push({ name: id.slice(0, 12), message: systemMessages.notStoppedNow });
    }
    const outcomes = await settleEach(go, REMOVE_CONCURRENCY, (c) =>
      client().removeContainer({ id: c.Id, name: nameOf(c) }, { force: false, removeAnonymousVolumes: false }),
    );
    const removed: ContainerPruneResult['removed'] = [];
    let space = 0;
    for (const o of outcomes) {
      if (o.ok) {
        removed.push({ id: o.item.Id, name: nameOf(o.item) });
        space += o.item.SizeRw ?? 0;
      } else {
        failed.push({ name: nameOf(o.item), message: reasonOf(o.error) });
      }
    }
    return { removed, failed, spaceReclaimed: space };
  }

  async function buildCachePreview(all: boolean): Promise<BuildCachePrunePreview> {
    const { raw } = await deps.meter.measure();
    const items = toBuildCacheRecords(raw)
      .filter((r) => !r.inUse && (all || (!r.shared && !KEPT_UNLESS_ALL.has(r.type))))
      .sort((a, b) => b.size - a.size || a.id.localeCompare(b.id));
    return { all, items, estimatedSpace: items.reduce((sum, r) => sum + r.size, 0) };
  }

  /**
   * The engine's build cache prune restricted to exactly these records: its `id` filter is a
   * regular expression (`id~=`), so `^(a|b|c)$` names them and nothing else. With the same
   * `all` as the preview, a record that became shared or in use meanwhile stays.
   */
  async function buildCachePrune(all: boolean, ids: readonly string[]): Promise<BuildCachePruneResult> {
    const wanted = [...new Set(ids)];
    const removed: string[] = [];
    let space = 0;
    for (let i = 0; i < wanted.length; i += IDS_PER_BUILD_PRUNE) {
      const batch = wanted.slice(i, i + IDS_PER_BUILD_PRUNE);
      const answer = await client().request<RawBuildCachePrune>({
        method: 'POST',
        path: '/build/prune',
        query: { all, filters: JSON.stringify({ id: [`^(${batch.join('|')})$`] }) },
        action: 'remove build cache',
        timeoutMs: 120_000,
      });
      removed.push(...(answer.CachesDeleted ?? []));
      space += answer.SpaceReclaimed ?? 0;
    }
    return { removed, spaceReclaimed: space };
  }

  return { containersPreview, containersPrune, buildCachePreview, buildCachePrune };
}

export type SystemPrune = ReturnType<typeof createSystemPrune>;
