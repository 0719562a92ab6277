import type { StateCreator } from 'zustand';
import { shellStrings } from '../shell/strings';
import type { BerthState, EngineSlice } from './types';

export const createEngineSlice: StateCreator<BerthState, [], [], EngineSlice> = (set, get) => ({
  engineStatus: null,
  engineStatusAt: 0,
  serverConnected: true,
  knownEndpoint: null,
  endpointChange: null,
  engineLostAt: null,
  setEngineStatus: (status, receivedAt = Date.now()) => {
    const { knownEndpoint, serverConnected, engineLostAt } = get();
    const next = status.endpoint?.display ?? null;
    const changed = next !== null && knownEndpoint !== null && next !== knownEndpoint;
    set({
      engineStatus: status,
      engineStatusAt: receivedAt,
      // The moment the list stopped being live is kept until the engine is back.
      engineLostAt: status.state === 'connected' && serverConnected ? null : (engineLostAt ?? receivedAt),
      ...(next !== null ? { knownEndpoint: next } : {}),
      ...(changed ? { endpointChange: { from: knownEndpoint, to: next } } : {}),
    });
    if (changed) get().pushNotice(shellStrings.status.endpointChangedNotice(knownEndpoint, next));
  },
  setServerConnected: (connected) =>
    set((s) => ({
      serverConnected: connected,
      engineLostAt: connected && s.engineStatus?.state === 'connected' ? null : (s.engineLostAt ?? Date.now()),
    })),
});
