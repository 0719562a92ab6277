/** Every user-visible string of container notifications, in one place for translation. */
export const notificationStrings = {
  exitedTitle: (name: string) => `${name} exited unexpectedly`,
  exitedBody: (exitCode: number) => `It stopped by itself with exit code ${exitCode}. Click to see its logs.`,
  oomTitle: (name: string) => `${name} ran out of memory`,
  oomBody: 'The kernel killed it for going over its memory limit. Click to see its logs.',
  unhealthyTitle: (name: string) => `${name} is unhealthy`,
  unhealthyBody: 'Its health check is failing. Click to see its logs.',
  closeToTrayTitle: 'Berth is still running in the tray',
  closeToTrayBody:
    'Closing the window keeps Berth in the tray so it can start and stop containers. Choose "Quit Berth" in the tray menu to quit; you can turn this off in Settings.',
} as const;
