import type { ContainerSummary } from '../../src-common/models/container';
import type { ContainersService } from '../engine/containers/containers-service';
import { isUp, type TrayAction, type TrayActionItem, type TrayConfirm } from './tray-menu-model';

// What a tray menu item does, without Electron: the adapter (src-main/electron/tray.ts)
// passes native dialogs, the browser and the window in as functions, so the engine side
// of every action is tested against the real engine (tray-actions.int.test.ts).

export interface TrayActionDeps {
  /** The same engine layer the window's handlers use. */
  containers: Pick<ContainersService, 'start' | 'stop' | 'restart' | 'pause' | 'unpause'>;
  /** The live list (engine.watcher.current()), to act only on the members that need it. */
  currentContainers: () => readonly ContainerSummary[] | null;
  /** Opens an http(s) URL in the user's browser. */
  openUrl: (url: string) => Promise<void>;
  /** Shows (or creates) the window, optionally on a container's logs or terminal. */
  openWindow: (route?: { containerId: string; tab: 'logs' | 'terminal' }) => void;
  /** Asks the user; true to go ahead. */
  confirm: (question: TrayConfirm) => Promise<boolean>;
  /** Quits for real, even when closing the window only hides it. */
  quit: () => void;
  /** Berth is about to stop these containers: their exits are not crashes to notify about. */
  expectExit?: (containerId: string) => void;
}

/** The outcome, so the adapter can tell the user what failed (the menu has no place for errors). */
export type TrayActionResult =
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; messages: string[] };

/** Runs a menu item: asks first when it carries a confirmation, then does its action. */
export async function runTrayItem(item: TrayActionItem, deps: TrayActionDeps): Promise<TrayActionResult> {
  if (!item.enabled) return { kind: 'cancelled' };
  if (item.confirm && !(await deps.confirm(item.confirm))) return { kind: 'cancelled' };
  return runTrayAction(item.action, deps);
}

export async function runTrayAction(action: TrayAction, deps: TrayActionDeps): Promise<TrayActionResult> {
  switch (action.type) {
    case 'container': {
      const id = action.containerId;
      if (action.verb === 'stop' || action.verb === 'restart') deps.expectExit?.(id);
      return settle([deps.containers[action.verb](id)]);
    }
    case 'project': {
      // Only the members that need it: starting a paused container is an error, and
      // stopping an exited one would only add noise to the events stream.
      const byId = new Map((deps.currentContainers() ?? []).map((c) => [c.id, c]));
      const wanted = action.containerIds.filter((id) => {
        const state = byId.get(id)?.state;
        if (state === undefined) return true;
        return action.verb === 'stop' ? isUp(state) : !isUp(state) && state !== 'removing' && state !== 'dead';
      });
      return action.verb === 'stop' ? stopAll(wanted, deps) : settle(wanted.map((id) => deps.containers.start(id)));
    }
    case 'stop-all':
      return stopAll(action.containerIds, deps);
    case 'open-url': {
      // The model builds http(s) URLs from published ports; check anyway, the shell opens anything.
      if (!isWebUrl(action.url)) return { kind: 'failed', messages: [`Not a web address: ${action.url}`] };
      return settle([deps.openUrl(action.url)]);
    }
    case 'open-window':
      deps.openWindow(action.route);
      return { kind: 'done' };
    case 'quit':
      deps.quit();
      return { kind: 'done' };
  }
}

function stopAll(ids: readonly string[], deps: TrayActionDeps): Promise<TrayActionResult> {
  for (const id of ids) deps.expectExit?.(id);
  return settle(ids.map((id) => deps.containers.stop(id)));
}

/** Waits for every request; one failing does not stop the others. */
async function settle(pending: readonly Promise<unknown>[]): Promise<TrayActionResult> {
  const results = await Promise.allSettled(pending);
  const messages = results.flatMap((r) => (r.status === 'rejected' ? [errorMessage(r.reason)] : []));
  return messages.length > 0 ? { kind: 'failed', messages } : { kind: 'done' };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
