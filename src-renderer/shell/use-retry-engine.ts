import { useState } from 'react';
import { ApiError } from '../../src-common/contract/api-error';
import { api } from '../api/client';

/** "Retry now": asks main to try the engine again at once instead of at the next backoff. */
export function useRetryEngine(): { retry: () => Promise<void>; retrying: boolean; retryError: string | null } {
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  const retry = async () => {
    setRetrying(true);
    setRetryError(null);
    try {
      await api.call('engine.reconnect', {});
    } catch (err) {
      setRetryError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setRetrying(false);
    }
  };
  return { retry, retrying, retryError };
}
