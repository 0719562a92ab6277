import type { TrayIcon } from './tray-icon-state';

// Which PNG in assets/tray/ (drawn by scripts/make-icons.mjs) the tray shows for a state.
// Electron picks the `@2x` file beside the named one on high-density screens, and on
// macOS a name ending in "Template" marks a black-and-alpha image the menu bar recolours
// for light and dark mode.

export const TRAY_ICONS: readonly TrayIcon[] = ['running', 'idle', 'unreachable'];

export function trayIconFileName(icon: TrayIcon, platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return `tray-${icon}Template.png`;
    case 'win32':
      // The notification area draws 16 px (32 at 200 %).
      return `tray-${icon}-16.png`;
    default:
      // StatusNotifier hosts draw 22–24 px and scale what they get: start from 32.
      return `tray-${icon}-32.png`;
  }
}
