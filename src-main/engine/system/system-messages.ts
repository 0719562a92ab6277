/** Every user-visible sentence of the disk usage feature in main, in one place for translation. */
export const systemMessages = {
  notStoppedNow: 'it is running now, or was already removed',
} as const;
