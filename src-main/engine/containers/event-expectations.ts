import type { ContainerState } from '../../../src-common/models/container';

/**
 * The states an event says a container must be in afterwards. Docker publishes some
 * events (pause, unpause, die) a moment before the list endpoint's view is updated, so
 * a list right after the event can still show the old state; the watcher uses this to
 * notice such a stale answer and ask again shortly, instead of showing it.
 */
export function expectedStates(action: string): readonly ContainerState[] | null {
  switch (action) {
    case 'create':
      return ['created', 'running'];
    case 'start':
    case 'restart':
    case 'unpause':
      // A container may exit right after starting; its die event then updates the expectation.
      return ['running', 'restarting'];
    case 'pause':
      return ['paused'];
    case 'die':
    case 'stop':
      return ['exited', 'dead', 'restarting'];
    default:
      return null;
  }
}

/** Retry delays for a stale answer: short, few, and only ever right after an event. */
export const STALE_RETRY_DELAYS_MS = [20, 40, 80, 160, 320] as const;
