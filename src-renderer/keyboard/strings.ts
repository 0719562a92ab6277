/** User-visible strings of the keyboard shortcuts and the shortcuts help. */
export const keyboardStrings = {
  helpTitle: 'Keyboard shortcuts',
  close: 'Close',
  columns: { action: 'Action', keys: 'Keys' },
  groups: { global: 'Anywhere', palette: 'In the command palette', lists: 'In lists and dialogs' },
  commands: {
    palette: 'Open the command palette',
    help: 'Show keyboard shortcuts',
    goContainers: 'Go to Containers',
    goImages: 'Go to Images',
    goVolumes: 'Go to Volumes',
    goDiskUsage: 'Go to Disk usage',
    goRegistries: 'Go to Registries',
    goSettings: 'Go to Settings',
    goNetworks: 'Go to Networks',
    goActivity: 'Go to Activity',
  },
  paletteKeys: [
    { keys: '↑ / ↓', action: 'Move through the results' },
    { keys: 'Enter', action: 'Run the highlighted command' },
    { keys: 'Esc', action: 'Close the palette' },
  ],
  listKeys: [
    { keys: 'Tab / Shift+Tab', action: 'Move between controls' },
    { keys: 'Space / Enter', action: 'Press the focused button or link' },
    { keys: 'Esc', action: 'Close a dialog' },
  ],
} as const;
