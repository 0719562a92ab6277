import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { ApiError } from '../../../src-common/contract/errors';
import type { DockerClient } from '../connection/docker-client';
import type { RawContainerSummary } from '../connection/engine-types';
import { HELPER_LABEL } from '../connection/helper-containers';
import { volumeLabel } from './volumes-mapper';
import { volumeMessages } from './volumes-messages';

/** Where a helper mounts the volume it serves. Not `/volume`: an image may have a file there. */
export const HELPER_MOUNT = '/berth-volume';
export const HELPER_KIND = 'volume-browser';
const VOLUME_LABEL = `${HELPER_LABEL}.volume`;
const OWNER_LABEL = `${HELPER_LABEL}.owner`;
const HOST_LABEL = `${HELPER_LABEL}.host`;
const PID_LABEL = `${HELPER_LABEL}.pid`;
/** Another machine's helpers (a shared remote engine) are left alone until they are this old. */
export const FOREIGN_HELPER_MAX_AGE_S = 60 * 60;

/** Which Berth process made a helper: the sweep removes only what no live Berth holds. */
export interface HelperOwner {
  instance: string;
  host: string;
  pid: number;
}

export function currentOwner(): HelperOwner {
  return { instance: randomBytes(8).toString('hex'), host: hostname(), pid: process.pid };
}

export interface VolumeHelpersDeps {
  requireClient(): DockerClient;
  owner: HelperOwner;
  isPidAlive?(pid: number): boolean;
  now?(): number;
}

export interface HelperSession {
  session: string;
  volume: string;
  containerId: string;
  /** Told when the session closes from this side (the volume is being removed). */
  onClosed?: () => void;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface RawImageRow {
  Id: string;
  Size?: number;
}

/**
 * Helper containers for reading and writing volumes through the archive API: created
 * (never started) from the smallest image already on the engine — a `FROM scratch` image
 * does, nothing is pulled — with the volume mounted at HELPER_MOUNT and labels saying who
 * made it. Removed when the session closes; leftovers of a Berth that died are swept.
 */
export function createVolumeHelpers(deps: VolumeHelpersDeps) {
  const sessions = new Map<string, HelperSession>();
  const isPidAlive = deps.isPidAlive ?? pidAlive;
  const now = deps.now ?? Date.now;
  const { owner } = deps;

  async function smallestImages(client: DockerClient): Promise<string[]> {
    const images = await client.request<RawImageRow[]>({ method: 'GET', path: '/images/json', action: 'list images' });
    return [...images].sort((a, b) => (a.Size ?? 0) - (b.Size ?? 0)).map((i) => i.Id);
  }

  async function createHelper(client: DockerClient, volume: string, image: string): Promise<string> {
    const name = `berth-volume-browser-${randomBytes(4).toString('hex')}`;
    const body = {
      Image: image,
      // Required by create when the image has no command; it never runs.
      Cmd: ['berth-volume-helper'],
      Labels: {
        [HELPER_LABEL]: HELPER_KIND,
        [VOLUME_LABEL]: volume,
        [OWNER_LABEL]: owner.instance,
        [HOST_LABEL]: owner.host,
        [PID_LABEL]: String(owner.pid),
      },
      NetworkDisabled: true,
      HostConfig: {
        Mounts: [{ Type: 'volume', Source: volume, Target: HELPER_MOUNT, VolumeOptions: { NoCopy: true } }],
      },
    };
    const created = await client.request<{ Id: string }>({
      method: 'POST',
      path: '/containers/create',
      query: { name },
      body,
      action: 'create a helper container for',
      object: volumeLabel(volume),
    });
    return created.Id;
  }

  async function open(volume: string, onClosed?: () => void): Promise<HelperSession> {
    const client = deps.requireClient();
    // A volume mount naming a volume that does not exist would create it.
    await client.request({ method: 'GET', path: `/volumes/${encodeURIComponent(volume)}`, action: 'open', object: volumeLabel(volume) });
    const images = await smallestImages(client);
    if (images.length === 0) throw new ApiError('not-found', volumeMessages.browseNeedsImage, volumeLabel(volume));
    let lastError: unknown;
    // An image may be deleted between the list and the create: try the next one.
    for (const image of images.slice(0, 3)) {
      try {
        const containerId = await createHelper(client, volume, image);
        const session = randomBytes(12).toString('base64url');
        const opened: HelperSession = { session, volume, containerId, ...(onClosed ? { onClosed } : {}) };
        sessions.set(session, opened);
        return opened;
      } catch (err) {
        lastError = err;
        if (!(err instanceof ApiError && err.code === 'not-found' && /image/i.test(err.message))) throw err;
      }
    }
    throw lastError;
  }

  async function removeContainer(client: DockerClient, id: string): Promise<void> {
    try {
      // v=1: anonymous volumes the image's VOLUME lines made go too; the browsed volume was
      // named in the mount and is never removed this way.
      await client.request({ method: 'DELETE', path: `/containers/${id}`, query: { v: true, force: true }, action: 'remove the helper container', object: id.slice(0, 12) });
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'not-found')) throw err;
    }
  }

  async function close(session: string): Promise<void> {
    const open = sessions.get(session);
    if (!open) return;
    sessions.delete(session);
    open.onClosed?.();
    // When the engine is away this fails; the sweep after the next connect removes it.
    await removeContainer(deps.requireClient(), open.containerId).catch(() => undefined);
  }

  /** Whether no live Berth holds this helper. */
  function abandoned(c: RawContainerSummary): boolean {
    const labels = c.Labels ?? {};
    if (labels[OWNER_LABEL] === owner.instance) {
      return ![...sessions.values()].some((s) => s.containerId === c.Id);
    }
    if (labels[HOST_LABEL] === owner.host) {
      const pid = Number(labels[PID_LABEL]);
      return !Number.isInteger(pid) || pid <= 0 || !isPidAlive(pid);
    }
    return now() / 1000 - (c.Created ?? 0) > FOREIGN_HELPER_MAX_AGE_S;
  }

  /**
   * Removes helpers no live Berth holds: this process's own that no session uses (a close
   * that failed while the engine was away), those of a Berth on this machine whose process
   * is gone, and another machine's once they are an hour old (a remote engine can be
   * shared; its owner's liveness cannot be seen from here).
   */
  async function sweep(): Promise<string[]> {
    const client = deps.requireClient();
    const helpers = await client.listContainers({ label: [`${HELPER_LABEL}=${HELPER_KIND}`] });
    const gone = helpers.filter(abandoned);
    await Promise.all(gone.map((c) => removeContainer(client, c.Id).catch(() => undefined)));
    return gone.map((c) => c.Id);
  }

  return {
    open,
    close,
    sweep,
    resolve: (session: string): HelperSession | undefined => sessions.get(session),
    sessionsOf: (volume: string): string[] => [...sessions.values()].filter((s) => s.volume === volume).map((s) => s.session),
    async closeAll(): Promise<void> {
      await Promise.all([...sessions.keys()].map((s) => close(s)));
    },
  };
}

export type VolumeHelpers = ReturnType<typeof createVolumeHelpers>;
