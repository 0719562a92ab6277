import { useBerthStore } from '../store/store';
import type { BerthState } from '../store/types';
import { shellStrings } from './strings';

/** Whether what the engine shows is current: the engine answers and so does the Berth server. */
export const isEngineLive = (s: Pick<BerthState, 'engineStatus' | 'serverConnected'>): boolean =>
  s.serverConnected && s.engineStatus?.state === 'connected';

/**
 * Why engine actions cannot be used now, or null when they can: shown on every disabled
 * action so a stale list never looks clickable without saying why.
 */
export function notLiveReason(s: Pick<BerthState, 'engineStatus' | 'serverConnected'>): string | null {
  if (!s.serverConnected) return shellStrings.stale.serverLost;
  if (!s.engineStatus || s.engineStatus.state === 'connecting') return shellStrings.stale.connecting;
  if (s.engineStatus.state === 'unreachable') return shellStrings.stale.unreachable;
  return null;
}

export const useNotLiveReason = (): string | null => useBerthStore(notLiveReason);
