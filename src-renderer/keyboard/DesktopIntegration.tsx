import { useEffect } from 'react';
import { api } from '../api/client';
import { startSettingsSync } from '../settings/settings-sync';
import { useBerthStore } from '../store/store';
import { startThemeSync } from '../theme/theme';
import { useGlobalShortcuts } from './use-global-shortcuts';

/** Mounted once by App: settings feed, theme and global shortcuts (the palette and the shortcuts help are in DialogHosts). */
export function DesktopIntegration() {
  useEffect(() => startSettingsSync(api, useBerthStore), []);
  useEffect(
    () =>
      startThemeSync(
        () => useBerthStore.getState().settings.theme,
        (onChange) => useBerthStore.subscribe((s, prev) => s.settings.theme !== prev.settings.theme && onChange()),
      ),
    [],
  );
  useGlobalShortcuts();
  return null;
}
