import type { ContainerChange, ContainerSummary } from '../../../src-common/models/container';
import type { VolumeChange, VolumeSummary, VolumeUser } from '../../../src-common/models/volumes';
import type { DockerClient } from '../connection/docker-client';
import type { EngineEvent, EventsListener } from '../connection/events-hub';
import { toVolumeSummary } from './volumes-mapper';
import type { RawVolumeFull, RawVolumeList } from './volumes-types';

export type VolumeChangeListener = (change: VolumeChange) => void;

export interface VolumesWatcherDeps {
  events: { subscribe(listener: EventsListener): () => void };
  containers: { subscribe(listener: (change: ContainerChange) => void): () => void };
  getClient(): DockerClient | null;
  /** True when the engine labels anonymous volumes (API 1.42+). */
  labelsMarkAnonymous(): boolean;
}

export interface VolumesWatcher {
  subscribe(listener: VolumeChangeListener): () => void;
  current(): VolumeSummary[] | null;
  /** The containers that mount a volume now, from the live container list. */
  usersOf(name: string): VolumeUser[];
  dispose(): void;
}

const byName = (a: VolumeUser, b: VolumeUser) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * The live volume list in main: `/volumes` on every (re)sync of the events hub, then one
 * inspect per `create` event and a removal without a request per `destroy`. "Used by" comes
 * from the live container list (each container's volume mounts), so it follows containers
 * as they are created and removed without asking the engine anything. `mount`/`unmount`
 * events say a container started or stopped with the volume, which changes no row.
 */
export function createVolumesWatcher(deps: VolumesWatcherDeps): VolumesWatcher {
  /** name → the engine's JSON (the row is rebuilt from it when its users change). */
  let raws: Map<string, RawVolumeFull> | null = null;
  const rows = new Map<string, VolumeSummary>();
  const listeners = new Set<VolumeChangeListener>();
  /** container id → what it is and the volumes it mounts. */
  const mounts = new Map<string, { user: VolumeUser; volumes: readonly string[] }>();
  let generation = 0;
  /** Bumped per destroy: an inspect answer started before it is older than the destroy. */
  let destroys = 0;
  const destroyedAt = new Map<string, number>();
  let disposed = false;

  const emit = (change: VolumeChange) => {
    for (const l of [...listeners]) l(change);
  };

  function usersOf(name: string): VolumeUser[] {
    const users: VolumeUser[] = [];
    for (const { user, volumes } of mounts.values()) if (volumes.includes(name)) users.push(user);
    return users.sort(byName);
  }

  const rowOf = (raw: RawVolumeFull) => toVolumeSummary(raw, usersOf(raw.Name), deps.labelsMarkAnonymous());

  function put(raw: RawVolumeFull): void {
    if (!raws) return;
    raws.set(raw.Name, raw);
    const row = rowOf(raw);
    const old = rows.get(raw.Name);
    if (old && JSON.stringify(old) === JSON.stringify(row)) return;
    rows.set(raw.Name, row);
    emit({ kind: 'upsert', volume: row });
  }

  function remove(name: string): void {
    raws?.delete(name);
    if (rows.delete(name)) emit({ kind: 'remove', name });
  }

  async function resync(): Promise<void> {
    const gen = ++generation;
    const client = deps.getClient();
    if (!client) return;
    let list: RawVolumeList;
    try {
      list = await client.request<RawVolumeList>({ method: 'GET', path: '/volumes', action: 'list volumes' });
    } catch {
      return; // the hub notices a lost engine and asks again
    }
    if (gen !== generation || disposed) return;
    destroyedAt.clear();
    raws = new Map((list.Volumes ?? []).map((v) => [v.Name, v]));
    rows.clear();
    for (const raw of raws.values()) rows.set(raw.Name, rowOf(raw));
    emit({ kind: 'snapshot', volumes: [...rows.values()] });
  }

  async function refresh(name: string): Promise<void> {
    const client = deps.getClient();
    if (!client || !raws) return;
    const gen = generation;
    const destroysBefore = destroys;
    try {
      const raw = await client.request<RawVolumeFull>({ method: 'GET', path: `/volumes/${encodeURIComponent(name)}`, action: 'inspect', object: `volume ${name}` });
      const destroyedSince = (destroyedAt.get(name) ?? -1) >= destroysBefore;
      if (gen === generation && !disposed && !destroyedSince) put(raw);
    } catch (err) {
      if ((err as { code?: string }).code === 'not-found' && gen === generation) remove(name);
    }
  }

  function onEvent(event: EngineEvent): void {
    if (event.type !== 'volume') return;
    // Docker says "destroy", Podman "remove".
    if (event.action === 'destroy' || event.action === 'remove') {
      destroyedAt.set(event.id, destroys++);
      remove(event.id);
    } else if (event.action === 'create') {
      void refresh(event.id);
    }
  }

  function onContainers(change: ContainerChange): void {
    const touched = new Set<string>();
    const forget = (id: string) => {
      const was = mounts.get(id);
      if (!was) return;
      mounts.delete(id);
      for (const v of was.volumes) touched.add(v);
    };
    const add = (c: ContainerSummary) => {
      const volumes = c.volumes ?? [];
      if (volumes.length === 0) return;
      mounts.set(c.id, { user: { id: c.id, name: c.name, state: c.state }, volumes });
      for (const v of volumes) touched.add(v);
    };
    if (change.kind === 'snapshot') {
      for (const id of [...mounts.keys()]) forget(id);
      for (const c of change.containers) add(c);
    } else if (change.kind === 'upsert') {
      forget(change.container.id);
      add(change.container);
    } else if (change.kind === 'remove') {
      forget(change.id);
    }
    for (const name of touched) {
      const raw = raws?.get(name);
      if (raw) put(raw);
    }
  }

  const unsubscribeEvents = deps.events.subscribe({ onEvent, onResync: () => void resync() });
  const unsubscribeContainers = deps.containers.subscribe(onContainers);
  // Made after the events stream opened: its resync came before we listened.
  if (deps.getClient()) void resync();

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (raws) listener({ kind: 'snapshot', volumes: [...rows.values()] });
      return () => listeners.delete(listener);
    },
    current: () => (raws ? [...rows.values()] : null),
    usersOf,
    dispose() {
      disposed = true;
      generation += 1;
      unsubscribeEvents();
      unsubscribeContainers();
      listeners.clear();
    },
  };
}
