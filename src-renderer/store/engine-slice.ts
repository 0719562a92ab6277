import type { StateCreator } from 'zustand';
import type { BerthState, EngineSlice } from './types';

export const createEngineSlice: StateCreator<BerthState, [], [], EngineSlice> = (set) => ({
  engineStatus: null,
  engineStatusAt: 0,
  serverConnected: true,
  engineLostAt: null,
  setEngineStatus: (status, receivedAt = Date.now()) =>
    set((s) => ({
      engineStatus: status,
      engineStatusAt: receivedAt,
      // The moment the list stopped being live is kept until the engine is back.
      engineLostAt: status.state === 'connected' && s.serverConnected ? null : (s.engineLostAt ?? receivedAt),
    })),
  setServerConnected: (connected) =>
    set((s) => ({
      serverConnected: connected,
      engineLostAt: connected && s.engineStatus?.state === 'connected' ? null : (s.engineLostAt ?? Date.now()),
    })),
});
