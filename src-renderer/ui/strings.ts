/** User-visible strings of the shared components. */
export const uiStrings = {
  dismiss: 'Dismiss',
  close: 'Close',
  messages: 'Messages',
  copy: 'Copy',
  copied: 'Copied',
} as const;
