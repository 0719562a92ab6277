import type { VolumeUser } from '../../../src-common/models/volumes';

const who = (users: readonly VolumeUser[]) =>
  users.map((u) => `${u.name} (${u.state})`).join(', ');

/** Every user-visible sentence of the volumes feature in main, in one place for translation. */
export const volumeMessages = {
  browseNeedsImage: 'Browsing a volume needs one image on the engine; pull or build any image.',
  inUse: (volume: string, users: readonly VolumeUser[]) =>
    `Cannot remove volume ${volume}: it is used by ${users.length === 1 ? 'container' : 'containers'} ${who(users)}. Remove ${users.length === 1 ? 'it' : 'them'} first.`,
  inUseByHelper: (volume: string) =>
    `Cannot remove volume ${volume}: another Berth window is browsing it. Close that view and try again.`,
  alreadyExists: (name: string) => `A volume named "${name}" already exists.`,
  noSuchDriver: (driver: string, reason: string) => `The engine has no volume driver "${driver}": ${reason}`,
  badOptions: (reason: string) => `The driver refused these options: ${reason}`,
  pruneNoLongerUnused: 'a container uses it now',
  pruneGone: 'it no longer exists',
  pruneNamed: 'it is a named volume, and named volumes were not chosen',
} as const;
