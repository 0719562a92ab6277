import { ApiError } from '../../../src-common/contract/errors';
import { checkVolumeForm, isAnonymousVolume, type VolumeForm } from '../../../src-common/volume-spec';
import type {
  CreateVolumeOutcome,
  VolumePrunePreview,
  VolumePruneResult,
  VolumePruneScope,
  VolumeSizes,
  VolumeSummary,
  VolumeUser,
} from '../../../src-common/models/volumes';
import type { DockerClient } from '../connection/docker-client';
import { HELPER_LABEL } from '../connection/helper-containers';
import { settleEach } from '../connection/settle-each';
import type { VolumeHelpers } from './volume-helpers';
import { toVolumeSummary, volumeLabel } from './volumes-mapper';
import { volumeMessages } from './volumes-messages';
import type { RawVolumeFull, RawVolumeList } from './volumes-types';

export interface VolumesServiceDeps {
  requireClient(): DockerClient;
  /** True when the engine labels anonymous volumes (API 1.42+). */
  labelsMarkAnonymous(): boolean;
  /** The containers mounting a volume, from the live list. */
  usersOf(name: string): VolumeUser[];
  helpers: VolumeHelpers;
  /** `/system/df`'s volume sizes, measured now. */
  measureSizes(): Promise<VolumeSizes>;
  /** The latest measurement, if any. */
  lastSizes(): VolumeSizes | null;
  /** The measurement on its way (the prune dialog starts one when it opens), if any. */
  pendingSizes?(): Promise<VolumeSizes> | null;
  now?(): number;
}

/** A measurement this recent still says what the volumes hold: a prune does not wait for another. */
export const SIZES_FRESH_MS = 10 * 60_000;

const enc = encodeURIComponent;
/** Removals in flight at once. */
const REMOVE_CONCURRENCY = 4;

function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^Cannot [^:]+: /, '');
}

export function createVolumesService(deps: VolumesServiceDeps) {
  const client = () => deps.requireClient();

  async function exists(name: string): Promise<boolean> {
    try {
      await client().request({ method: 'GET', path: `/volumes/${enc(name)}`, action: 'inspect', object: volumeLabel(name) });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not-found') return false;
      throw err;
    }
  }

  async function create(form: VolumeForm): Promise<CreateVolumeOutcome> {
    const check = checkVolumeForm(form);
    if (!check.ok) return { kind: 'invalid', problems: check.problems };
    const { name, driver, labels, options } = check.spec;
    // The engine answers a create for an existing name with that volume, silently.
    if (name !== null && (await exists(name))) return { kind: 'invalid', problems: { name: volumeMessages.alreadyExists(name) } };
    try {
      const created = await client().request<RawVolumeFull>({
        method: 'POST',
        path: '/volumes/create',
        body: { ...(name !== null ? { Name: name } : {}), Driver: driver, Labels: labels, DriverOpts: options },
        action: 'create',
        object: name !== null ? `volume ${name}` : 'a volume',
        // The engine looks an unknown driver up among its plugins for a while before it says no.
        timeoutMs: 60_000,
      });
      return { kind: 'created', name: created.Name };
    } catch (err) {
      const reason = reasonOf(err);
      if (/plugin .*not found|looking up volume plugin/i.test(reason)) {
        return { kind: 'invalid', problems: { driver: volumeMessages.noSuchDriver(driver, reason) } };
      }
      if (/option|opts/i.test(reason)) return { kind: 'invalid', problems: { options: volumeMessages.badOptions(reason) } };
      throw err;
    }
  }

  async function remove(name: string): Promise<void> {
    const users = deps.usersOf(name);
    if (users.length > 0) throw new ApiError('conflict', volumeMessages.inUse(name, users), volumeLabel(name));
    // This Berth's own browse sessions hold the volume through their helpers: end them.
    for (const session of deps.helpers.sessionsOf(name)) await deps.helpers.close(session);
    try {
      await client().request({ method: 'DELETE', path: `/volumes/${enc(name)}`, action: 'remove', object: volumeLabel(name) });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') throw await explainInUse(name, err);
      throw err;
    }
  }

  /** The engine's 409 names container ids; say who they are (or that another Berth browses it). */
  async function explainInUse(name: string, err: ApiError): Promise<ApiError> {
    const holders = await client()
      .listContainers({ volume: [name] })
      .catch(() => []);
    if (holders.length === 0) return err;
    const visible = holders.filter((c) => !Object.hasOwn(c.Labels ?? {}, HELPER_LABEL));
    if (visible.length === 0) return new ApiError('conflict', volumeMessages.inUseByHelper(name), volumeLabel(name));
    const users = visible.map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State ?? 'unknown' }));
    return new ApiError('conflict', volumeMessages.inUse(name, users), volumeLabel(name));
  }

  /** Unused local volumes as the engine sees them now (a helper's reference counts as use). */
  async function unused(labels: readonly string[] | undefined): Promise<RawVolumeFull[]> {
    const filters: Record<string, string[]> = { dangling: ['true'], driver: ['local'] };
    if (labels?.length) filters.label = [...labels];
    const list = await client().request<RawVolumeList>({ method: 'GET', path: '/volumes', query: { filters: JSON.stringify(filters) }, action: 'list unused volumes' });
    // Some engines ignore a filter they do not know: check what came back.
    return (list.Volumes ?? []).filter((v) => (v.Driver ?? 'local') === 'local' && deps.usersOf(v.Name).length === 0);
  }

  const anonymous = (v: RawVolumeFull) => isAnonymousVolume(v.Name, v.Labels ?? {}, deps.labelsMarkAnonymous());

  async function prunePreview(scope: VolumePruneScope, labels?: readonly string[]): Promise<VolumePrunePreview> {
    const candidates = await unused(labels);
    const sizes = deps.lastSizes();
    const chosen = candidates.filter((v) => scope === 'all' || anonymous(v));
    return {
      scope,
      items: chosen
        .map((v) => {
          const row = toVolumeSummary(v, [], deps.labelsMarkAnonymous());
          const size = sizes?.sizes[v.Name];
          return { name: v.Name, anonymous: row.anonymous, created: row.created, composeProject: row.composeProject, size: size !== undefined && size >= 0 ? size : null };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
      namedKept: candidates.length - chosen.length,
      sizesMeasuredAt: sizes?.measuredAt ?? null,
      engineRule: deps.labelsMarkAnonymous() ? 'anonymous-only' : 'all-unused',
    };
  }

  /**
   * Removes the listed volumes one by one, each only if it is still unused and in the scope.
   * Never `POST /volumes/prune`: on API 1.41 it takes named volumes too, and on any version it
   * would take whatever became unused after the preview was shown.
   */
  async function prune(scope: VolumePruneScope, names: readonly string[], labels?: readonly string[]): Promise<VolumePruneResult> {
    const candidates = new Map((await unused(labels)).map((v) => [v.Name, v]));
    const failed: VolumePruneResult['failed'] = [];
    const go: string[] = [];
    for (const name of new Set(names)) {
      const v = candidates.get(name);
      if (!v) failed.push({ name, message: (await exists(name)) ? volumeMessages.pruneNoLongerUnused : volumeMessages.pruneGone });
      else if (scope === 'anonymous' && !anonymous(v)) failed.push({ name, message: volumeMessages.pruneNamed });
      else go.push(name);
    }
    const sizes = go.length > 0 ? await sizesBeforeRemoval().catch(() => null) : null;
    const outcomes = await settleEach(go, REMOVE_CONCURRENCY, (name) =>
      client().request({ method: 'DELETE', path: `/volumes/${enc(name)}`, action: 'remove', object: volumeLabel(name) }),
    );
    const removed: string[] = [];
    let space: number | null = go.length > 0 ? (sizes ? 0 : null) : 0;
    for (const o of outcomes) {
      if (!o.ok) {
        failed.push({ name: o.item, message: reasonOf(o.error) });
        continue;
      }
      removed.push(o.item);
      const size = sizes?.sizes[o.item];
      if (space !== null && size !== undefined && size > 0) space += size;
    }
    return { removed, failed, spaceReclaimed: space, sizesMeasuredAt: sizes?.measuredAt ?? null };
  }

  /**
   * What the volumes hold before they go: the measurement on its way (the dialog asked for
   * one when it opened), or a recent one, or a new one — `/system/df` walks every volume
   * (and on API 1.41 every layer and container too), so it is not asked twice for one prune.
   */
  async function sizesBeforeRemoval(): Promise<VolumeSizes> {
    const pending = deps.pendingSizes?.();
    if (pending) return pending;
    const last = deps.lastSizes();
    if (last && (deps.now ?? Date.now)() - last.measuredAt < SIZES_FRESH_MS) return last;
    return deps.measureSizes();
  }

  return {
    create,
    remove,
    prunePreview,
    prune,
    list: async (): Promise<VolumeSummary[]> => {
      const list = await client().request<RawVolumeList>({ method: 'GET', path: '/volumes', action: 'list volumes' });
      return (list.Volumes ?? []).map((v) => toVolumeSummary(v, deps.usersOf(v.Name), deps.labelsMarkAnonymous()));
    },
  };
}

export type VolumesService = ReturnType<typeof createVolumesService>;
