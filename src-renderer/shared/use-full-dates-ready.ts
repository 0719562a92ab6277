import { useSyncExternalStore } from 'react';
import { areFullDatesReady, onFullDatesReady } from './locale-formats';

/** False during the first screen, true once full dates can be formatted (see locale-formats.ts). */
export const useFullDatesReady = (): boolean => useSyncExternalStore(onFullDatesReady, areFullDatesReady, areFullDatesReady);
