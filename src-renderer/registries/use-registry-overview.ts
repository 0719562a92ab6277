import { useCallback, useEffect, useState } from 'react';
import type { RegistryOverview } from '../../src-common/models/registries';
import { api } from '../api/client';

/** The logins list, read on open and after a login or logout (nothing here changes by itself). */
export function useRegistryOverview() {
  const [overview, setOverview] = useState<RegistryOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setOverview(await api.call('registries.overview', {}));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { overview, error, reload };
}
