import type { ActivityEntry } from '../../src-common/models/activity';
import type { ContainerSummary } from '../../src-common/models/container';
import type { ImageSummary } from '../../src-common/models/images';
import type { NetworkSummary } from '../../src-common/models/networks';
import type { VolumeSummary } from '../../src-common/models/volumes';
import { hrefs } from '../router/route';

export interface LiveObjects {
  containers: Record<string, ContainerSummary>;
  images: Record<string, ImageSummary>;
  networks: Record<string, NetworkSummary>;
  /** Volumes by name: a volume event's id is the volume's name. */
  volumes: Record<string, VolumeSummary>;
}

/** Where an event's object lives now, or null when it no longer exists (or has no page). */
export function objectHref(e: ActivityEntry, live: LiveObjects): string | null {
  switch (e.type) {
    case 'container':
      return live.containers[e.id] ? hrefs.container(e.id) : null;
    case 'network':
      return live.networks[e.id] ? hrefs.network(e.id) : null;
    case 'image': {
      if (live.images[e.id]) return hrefs.image(e.id);
      const named = e.name || e.id;
      const holder = Object.values(live.images).find((i) => i.repoTags.includes(named) || i.repoTags.includes(`${named}:latest`));
      return holder ? hrefs.image(holder.id) : null;
    }
    case 'volume':
      return volumeHref(e.id, live);
    case 'engine':
      return null;
  }
}

/** A volume event links to the volume's page while the volume exists; a removed one is plain text, like other removed objects. */
export function volumeHref(name: string, live: Pick<LiveObjects, 'volumes'>): string | null {
  return live.volumes[name] ? hrefs.volume(name) : null;
}
