import { api } from './client';

/** Retry for a live list whose load failed: main asks the engine again now. */
export const resyncLists = () => api.call('engine.resync', {});
