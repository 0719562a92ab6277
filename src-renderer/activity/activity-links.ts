import type { ActivityEntry } from '../../src-common/models/activity';
import type { ContainerSummary } from '../../src-common/models/container';
import type { ImageSummary } from '../../src-common/models/images';
import type { NetworkSummary } from '../../src-common/models/networks';
import { hrefs } from '../router/route';

export interface LiveObjects {
  containers: Record<string, ContainerSummary>;
  images: Record<string, ImageSummary>;
  networks: Record<string, NetworkSummary>;
  /** Where a volume's page is, once Berth has one; null until then. */
  volumeHref?: ((name: string) => string | null) | undefined;
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
      return live.volumeHref?.(e.id) ?? null;
    case 'engine':
      return null;
  }
}
