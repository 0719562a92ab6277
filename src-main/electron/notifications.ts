import { Notification } from 'electron';
import type { Engine } from '../engine/index';
import { createContainerNotifier, type ContainerNotifier } from '../notifications/container-notifier';
import type { ContainerNotification } from '../notifications/rules';

export interface DesktopNotificationsDeps {
  events: Engine['events'];
  /** settings.get().notifications, read for every notification. */
  isEnabled: () => boolean;
  /** Shows the window on this container's logs. */
  openLogs: (containerId: string) => void;
  /** Injected for tests; Date.now otherwise. */
  now?: () => number;
}

/**
 * Native notifications for containers that exit unexpectedly, are OOM-killed or turn
 * unhealthy (rules in src-main/notifications/rules.ts). Clicking one opens its logs.
 */
export function startDesktopNotifications(deps: DesktopNotificationsDeps): ContainerNotifier {
  // A notification that is garbage-collected loses its click handler (notably on Linux):
  // keep each one until it is closed.
  const alive = new Set<Notification>();
  const show = (n: ContainerNotification) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: n.title, body: n.body });
    alive.add(notification);
    notification.on('click', () => {
      alive.delete(notification);
      deps.openLogs(n.containerId);
    });
    notification.on('close', () => alive.delete(notification));
    notification.show();
  };
  const notifier = createContainerNotifier({
    events: deps.events,
    isEnabled: deps.isEnabled,
    show,
    ...(deps.now ? { now: deps.now } : {}),
  });
  return {
    expectExit: (id) => notifier.expectExit(id),
    dispose() {
      notifier.dispose();
      for (const n of alive) n.close();
      alive.clear();
    },
  };
}

/** A one-off native note (the close-to-tray hint); false when the system has no notifications. */
export function showNote(title: string, body: string): boolean {
  if (!Notification.isSupported()) return false;
  new Notification({ title, body }).show();
  return true;
}
