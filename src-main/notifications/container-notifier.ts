import type { EventsListener } from '../engine/connection/events-hub';
import { createNotificationRules, type ContainerNotification, type NotificationRulesOptions } from './rules';

export interface ContainerNotifierDeps extends NotificationRulesOptions {
  /** The engine's one events stream (engine.events). */
  events: { subscribe(listener: EventsListener): () => void };
  /** Read on every notification, so switching the setting applies at once. */
  isEnabled: () => boolean;
  /** Shows the notification (Electron's Notification; a test collects them). */
  show: (notification: ContainerNotification) => void;
}

export interface ContainerNotifier {
  /** Berth itself is about to stop this container; see NotificationRules.expectExit. */
  expectExit(containerId: string): void;
  dispose(): void;
}

/**
 * Feeds every engine event through the rules and shows what they call for. The rules
 * keep tracking stops while notifications are off, so turning them on mid-stop does
 * not misreport that stop as a crash.
 */
export function createContainerNotifier(deps: ContainerNotifierDeps): ContainerNotifier {
  const rules = createNotificationRules(deps);
  const unsubscribe = deps.events.subscribe({
    onEvent(event) {
      if (event.type !== 'container') return;
      const notification = rules.onEvent(event);
      if (notification) deps.show(notification);
    },
  });
  return { expectExit: (id) => rules.expectExit(id), dispose: unsubscribe };
}
