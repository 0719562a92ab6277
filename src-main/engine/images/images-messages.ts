/** Every user-visible sentence of the images engine layer, in one place for translation. */
export const imageMessages = {
  inUse: (label: string, names: readonly string[], running: boolean) =>
    `Cannot remove ${label}: ${names.length === 1 ? 'container' : 'containers'} ${names.join(', ')} ${
      names.length === 1 ? 'uses' : 'use'
    } it. ${running ? 'Stop and remove' : 'Remove'} ${names.length === 1 ? 'that container' : 'those containers'} first${
      running ? '' : ', or force the removal'
    }.`,
  conflict: (label: string, reason: string) => `Cannot remove ${label}: ${reason.replace(/^Cannot remove [^:]*: /, '')}`,
  noSuchTag: (tag: string, id: string) => `Image ${id} has no tag ${tag}.`,
  tagWithDigest: (target: string) => `A new name cannot contain a digest: ${target}`,
  loadFailed: (path: string, reason: string) => `Cannot load images from ${path}: ${reason}`,
} as const;
