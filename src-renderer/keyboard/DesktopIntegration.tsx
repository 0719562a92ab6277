import { useEffect } from 'react';
import { api } from '../api/client';
import { CommandPalette } from '../palette/CommandPalette';
import { startSettingsSync } from '../settings/settings-sync';
import { useBerthStore } from '../store/store';
import { startThemeSync } from '../theme/theme';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useGlobalShortcuts } from './use-global-shortcuts';

/** Mounted once by App: settings feed, theme, global shortcuts, the palette and the shortcuts help. */
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
  return (
    <>
      <CommandPalette />
      <ShortcutsDialog />
    </>
  );
}
