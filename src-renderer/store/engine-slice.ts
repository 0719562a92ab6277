import type { StateCreator } from 'zustand';
import type { BerthState, EngineSlice } from './types';

export const createEngineSlice: StateCreator<BerthState, [], [], EngineSlice> = (set) => ({
  engineStatus: null,
  engineStatusAt: 0,
  serverConnected: true,
  setEngineStatus: (status, receivedAt = Date.now()) => set({ engineStatus: status, engineStatusAt: receivedAt }),
  setServerConnected: (connected) => set({ serverConnected: connected }),
});
