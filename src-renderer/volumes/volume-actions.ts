import { ApiError } from '../../src-common/contract/api-error';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';

export const errorText = (err: unknown): string => (err instanceof ApiError || err instanceof Error ? err.message : String(err));

let measuring: Promise<void> | null = null;

/**
 * Asks main for every volume's size (`/system/df`: the engine walks each volume). Only
 * when the user asks; callers asking while one is on its way share it. Throws the failure.
 */
export function measureVolumeSizes(): Promise<void> {
  measuring ??= api
    .call('volumes.measureSizes', {})
    .then((sizes) => useBerthStore.getState().setVolumeSizes(sizes))
    .finally(() => {
      measuring = null;
    });
  return measuring;
}
