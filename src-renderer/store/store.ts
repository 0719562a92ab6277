import { create } from 'zustand';
import { createContainersSlice } from './containers-slice';
import { createEngineSlice } from './engine-slice';
import { createUiSlice } from './ui-slice';
import type { BerthState } from './types';

/** Builds a fresh store; the app uses the one below, tests make their own. */
export const createBerthStore = () =>
  create<BerthState>()((...a) => ({
    ...createEngineSlice(...a),
    ...createContainersSlice(...a),
    ...createUiSlice(...a),
  }));

export const useBerthStore = createBerthStore();
