import type { StateCreator } from 'zustand';
import { shellStrings } from '../shell/strings';
import type { BerthState, EngineSlice } from './types';

export const createEngineSlice: StateCreator<BerthState, [], [], EngineSlice> = (set, get) => ({
  engineStatus: null,
  engineStatusAt: 0,
  serverConnected: true,
  knownEndpoint: null,
  endpointChange: null,
  setEngineStatus: (status, receivedAt = Date.now()) => {
    const { knownEndpoint } = get();
    const next = status.endpoint?.display ?? null;
    const changed = next !== null && knownEndpoint !== null && next !== knownEndpoint;
    set({
      engineStatus: status,
      engineStatusAt: receivedAt,
      ...(next !== null ? { knownEndpoint: next } : {}),
      ...(changed ? { endpointChange: { from: knownEndpoint, to: next } } : {}),
    });
    if (changed) get().pushNotice(shellStrings.status.endpointChangedNotice(knownEndpoint, next));
  },
  setServerConnected: (connected) => set({ serverConnected: connected }),
});
