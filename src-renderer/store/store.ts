import { create } from 'zustand';
import { createContainersSlice } from './containers-slice';
import { createEngineSlice } from './engine-slice';
import { createUiSlice } from './ui-slice';
import type { BerthState } from './types';
import { createSettingsSlice } from '../settings/settings-slice';
import { createKeyboardSlice } from '../keyboard/keyboard-slice';
import { createImagesSlice } from '../images/images-slice';
import { createVolumesSlice } from '../volumes/volumes-slice';
import { createNetworksSlice } from '../networks/networks-slice';

/** Builds a fresh store; the app uses the one below, tests make their own. */
export const createBerthStore = () =>
  create<BerthState>()((...a) => ({
    ...createEngineSlice(...a),
    ...createContainersSlice(...a),
    ...createUiSlice(...a),
    ...createSettingsSlice(...a),
    ...createKeyboardSlice(...a),
    ...createImagesSlice(...a),
    ...createVolumesSlice(...a),
    ...createNetworksSlice(...a),
  }));

export const useBerthStore = createBerthStore();
