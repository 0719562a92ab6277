import { useCallback, useState } from 'react';
import type { SettingsPatch } from '../../src-common/models/settings';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import { settingsStrings as t } from './strings';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * Saves a patch and says how it went. The page shows the change at once (a radio or a
 * checkbox must not flip back while the file is written) and goes back if saving fails.
 */
export function useSaveSettings() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const save = useCallback(async (patch: SettingsPatch): Promise<boolean> => {
    const store = useBerthStore.getState();
    const before = store.settings;
    store.setSettings({ ...before, ...patch });
    setState({ kind: 'saving' });
    try {
      const next = await api.call('settings.update', patch);
      useBerthStore.getState().setSettings(next);
      setState({ kind: 'saved' });
      return true;
    } catch (err) {
      useBerthStore.getState().setSettings(before);
      setState({ kind: 'failed', message: t.saveFailed(err instanceof Error ? err.message : String(err)) });
      return false;
    }
  }, []);
  return { state, save };
}
