import { composeProjectOf, isAnonymousVolume } from '../../../src-common/volume-spec';
import type { VolumeSummary, VolumeUser } from '../../../src-common/models/volumes';
import type { RawVolumeFull } from './volumes-types';

/** Engine times older engines leave unset look like this; a volume cannot be that old. */
const createdAt = (t: string | undefined): string | null => (!t || t.startsWith('0001-01-01') ? null : t);

/**
 * One row of the volumes page. `labelsMarkAnonymous` is true from API 1.42 on, where the
 * engine labels the volumes it makes for unnamed mounts (see isAnonymousVolume).
 */
export function toVolumeSummary(raw: RawVolumeFull, usedBy: readonly VolumeUser[], labelsMarkAnonymous: boolean): VolumeSummary {
  const labels = raw.Labels ?? {};
  return {
    name: raw.Name,
    driver: raw.Driver ?? 'local',
    scope: raw.Scope ?? 'local',
    mountpoint: raw.Mountpoint ?? '',
    created: createdAt(raw.CreatedAt),
    labels,
    options: raw.Options ?? {},
    composeProject: composeProjectOf(labels),
    anonymous: isAnonymousVolume(raw.Name, labels, labelsMarkAnonymous),
    usedBy: [...usedBy],
  };
}

export const volumeLabel = (name: string) => `volume ${/^[0-9a-f]{64}$/.test(name) ? name.slice(0, 12) : name}`;
