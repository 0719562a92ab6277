/** User-visible strings of the shared pieces. */
export const sharedStrings = {
  loadFailed: {
    retry: 'Retry',
  },
} as const;
