/**
 * Containers Berth creates for its own use (a never-started container that mounts a
 * volume so its files can be read through the archive API) carry this label. They are
 * Berth's plumbing, not the user's containers: the live list leaves them out, so they
 * appear in no table, count as no "used by", and never reach the tray.
 */
export const HELPER_LABEL = 'berth.helper';

export function isHelperContainer(labels: Readonly<Record<string, string>> | null | undefined): boolean {
  return labels != null && Object.hasOwn(labels, HELPER_LABEL);
}
