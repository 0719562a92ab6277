import { hrefs } from '../router/route';
import { parseShortcut, type Binding, type Chord } from './shortcuts';
import { keyboardStrings as t } from './strings';

export type ShortcutId =
  | 'palette'
  | 'help'
  | 'go-containers'
  | 'go-images'
  | 'go-volumes'
  | 'go-disk-usage'
  | 'go-registries'
  | 'go-settings'
  | 'go-networks'
  | 'go-activity';

export interface ShortcutSpec {
  id: ShortcutId;
  keys: string;
  label: string;
  /** Where a navigation shortcut goes. */
  href?: string;
  /** Works while typing in a text field (only chords with Ctrl/⌘ should). */
  inTextFields?: boolean;
}

/** Every global shortcut: the key handler, the palette and the help dialog all read this list. */
export const SHORTCUTS: readonly ShortcutSpec[] = [
  { id: 'palette', keys: 'Mod+K', label: t.commands.palette, inTextFields: true },
  { id: 'help', keys: '?', label: t.commands.help },
  { id: 'go-containers', keys: 'g c', label: t.commands.goContainers, href: hrefs.containers() },
  { id: 'go-images', keys: 'g i', label: t.commands.goImages, href: hrefs.images() },
  { id: 'go-volumes', keys: 'g v', label: t.commands.goVolumes, href: hrefs.volumes() },
  { id: 'go-disk-usage', keys: 'g d', label: t.commands.goDiskUsage, href: hrefs.diskUsage() },
  { id: 'go-registries', keys: 'g r', label: t.commands.goRegistries, href: hrefs.registries() },
  { id: 'go-settings', keys: 'g s', label: t.commands.goSettings, href: hrefs.settings() },
  { id: 'go-networks', keys: 'g n', label: t.commands.goNetworks, href: hrefs.networks() },
  { id: 'go-activity', keys: 'g a', label: t.commands.goActivity, href: hrefs.activity() },
];

export const isMacPlatform = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export const bindingsFor = (isMac: boolean): Binding<ShortcutId>[] =>
  SHORTCUTS.map((s) => ({ id: s.id, chords: parseShortcut(s.keys, isMac) }));

export const chordsOf = (id: ShortcutId, isMac: boolean): Chord[] =>
  parseShortcut(SHORTCUTS.find((s) => s.id === id)!.keys, isMac);
