import type { ContainerSummary } from '../../src-common/models/container';
import type { ImageSummary } from '../../src-common/models/images';
import type { VolumeSummary } from '../../src-common/models/volumes';
import type { NetworkSummary } from '../../src-common/models/networks';
import { networkPaletteItems } from '../networks/network-palette-items';
import { containerStrings } from '../containers/strings';
import { isLive } from '../containers/rows';
import { chordsOf, SHORTCUTS } from '../keyboard/page-shortcuts';
import { formatShortcut } from '../keyboard/shortcuts';
import { hrefs, type DetailsTab } from '../router/route';
import { navItems } from '../shell/nav-items';
import { rowsOf, shortImageId } from '../images/image-rows';
import type { ContainerAction } from '../store/types';
import { rankByFuzzy, type FuzzyMatch } from './fuzzy';
import { paletteStrings as t } from './strings';

/** Commands that act on no container or image in particular (run by CommandPalette). */
export type GlobalCommandId = 'pull' | 'build' | 'run' | 'prune' | 'login';

export type PaletteAction =
  | { type: 'navigate'; href: string }
  | { type: 'command'; id: GlobalCommandId }
  | { type: 'container'; id: string; action: Exclude<ContainerAction, 'remove'> }
  /** One of the images feature's row actions (Run, Push, Remove…), by its key. */
  | { type: 'image'; actionKey: string; target: { id: string; tag: string | null; ref: string } }
  /** Opens the volumes feature's remove dialog for one volume. */
  | { type: 'remove-volume'; name: string }
  /** Opens the networks feature's dialog for one network. */
  | { type: 'network'; action: 'connect'; id: string };

/** The part of the images feature's row actions the palette needs (see images/image-actions.ts). */
export interface ImageActionSpec {
  key: string;
  label(ref: string): string;
  appliesTo?(target: { id: string; tag: string | null; ref: string }): boolean;
}

export interface PaletteSources {
  containers: readonly ContainerSummary[];
  /** Empty until the images list has been loaded. */
  images: readonly ImageSummary[];
  imageActions: readonly ImageActionSpec[];
  /** Empty until the volume list has been loaded. */
  volumes?: readonly VolumeSummary[];
  /** Empty until the network list has been loaded. */
  networks?: readonly NetworkSummary[];
  isMac: boolean;
}

export interface PaletteItem {
  /** Unique among the items; also the option's element id suffix. */
  key: string;
  /** What the option is called ("Stop web-1"), and what the query is matched against. */
  label: string;
  kind: 'page' | 'container' | 'action' | 'image' | 'volume' | 'network' | 'command';
  /** Secondary text: a container's image and state, an image's size… matched with a penalty. */
  detail?: string;
  /** A shortcut that does the same, formatted for this platform. */
  keys?: string;
  action: PaletteAction;
}

/** What a container can do now, as the row's buttons offer it (remove stays on the row, behind its dialog). */
function actionsFor(c: ContainerSummary): Exclude<ContainerAction, 'remove'>[] {
  if (c.state === 'removing') return [];
  if (c.state === 'paused') return ['unpause', 'stop', 'restart'];
  if (isLive(c.state)) return ['stop', 'restart', 'pause'];
  return ['start', 'restart'];
}

const stateWord = (c: ContainerSummary) => containerStrings.states[c.state];

/** Running containers first, then by name: the order of an empty query. */
const byRunningThenName = (a: ContainerSummary, b: ContainerSummary) =>
  Number(isLive(b.state)) - Number(isLive(a.state)) || a.name.localeCompare(b.name);

/** Every command the palette offers for the current state: pages, containers and images, and their actions. */
export function buildPaletteItems({ containers, images, imageActions, volumes = [], networks = [], isMac }: PaletteSources): PaletteItem[] {
  // Every page of the sidebar, with its shortcut when it has one.
  const pages: PaletteItem[] = navItems.map((nav) => {
    const shortcut = SHORTCUTS.find((s) => s.href === nav.href);
    return {
      key: `page:${nav.id}`,
      label: t.goTo(nav.label),
      kind: 'page',
      ...(shortcut ? { keys: formatShortcut(chordsOf(shortcut.id, isMac), isMac) } : {}),
      action: { type: 'navigate', href: nav.href },
    };
  });
  const commands: PaletteItem[] = GLOBAL_COMMANDS.map((id) => ({
    key: `command:${id}`,
    label: t.commands[id],
    kind: 'command',
    action: { type: 'command', id },
  }));
  const sorted = [...containers].sort(byRunningThenName);
  const jumps: PaletteItem[] = sorted.map((c) => ({
    key: `container:${c.id}`,
    label: t.openContainer(c.name),
    kind: 'container',
    detail: `${c.image} · ${stateWord(c)}`,
    action: { type: 'navigate', href: hrefs.container(c.id) },
  }));
  const imageRows = images.flatMap(rowsOf).sort((a, b) => a.ref.localeCompare(b.ref));
  const imageJumps: PaletteItem[] = imageRows.map((r) => ({
    key: `image:${r.key}`,
    label: r.ref,
    kind: 'image',
    detail: t.imageDetail(shortImageId(r.id), r.image.usedBy.total),
    action: { type: 'navigate', href: hrefs.image(r.id) },
  }));
  const containerActions: PaletteItem[] = sorted.flatMap((c) => [
    ...actionsFor(c).map(
      (action): PaletteItem => ({
        key: `action:${action}:${c.id}`,
        label: containerStrings.actionLabel[action](c.name),
        kind: 'action',
        detail: stateWord(c),
        action: { type: 'container', id: c.id, action },
      }),
    ),
    ...CONTAINER_TABS.filter((tab) => tab.when(c)).map(
      (tab): PaletteItem => ({
        key: `tab:${tab.tab}:${c.id}`,
        label: tab.label(c.name),
        kind: 'action',
        detail: stateWord(c),
        action: { type: 'navigate', href: hrefs.container(c.id, tab.tab) },
      }),
    ),
  ]);
  const imageActionItems: PaletteItem[] = imageRows.flatMap((r) => {
    const target = { id: r.id, tag: r.tag, ref: r.ref };
    return imageActions
      .filter((a) => a.appliesTo?.(target) ?? true)
      .map(
        (a): PaletteItem => ({
          key: `image-action:${a.key}:${r.key}`,
          label: a.label(r.ref),
          kind: 'action',
          detail: t.kinds.image,
          action: { type: 'image', actionKey: a.key, target },
        }),
      );
  });
  const networkItems = networkPaletteItems(networks);
  // Commands first: on equal scores the earlier item wins, and "pull" means Pull image….
  return [
    ...commands,
    ...pages,
    ...jumps,
    ...imageJumps,
    ...volumeItems(volumes),
    ...networkItems.filter((i) => i.kind === 'network'),
    ...containerActions,
    ...imageActionItems,
    ...networkItems.filter((i) => i.kind === 'action'),
  ];
}

const GLOBAL_COMMANDS: readonly GlobalCommandId[] = ['pull', 'build', 'run', 'prune', 'login'];

/** Each volume: open it, browse its files, remove it (behind its dialog). Named volumes first. */
function volumeItems(volumes: readonly VolumeSummary[]): PaletteItem[] {
  const sorted = [...volumes].sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || a.name.localeCompare(b.name));
  const detail = (v: VolumeSummary) => t.volumeDetail(v.usedBy.length);
  return sorted.flatMap((v): PaletteItem[] => [
    { key: `volume:${v.name}`, label: t.openVolume(v.name), kind: 'volume', detail: detail(v), action: { type: 'navigate', href: hrefs.volume(v.name) } },
    { key: `volume-files:${v.name}`, label: t.browseVolume(v.name), kind: 'action', detail: detail(v), action: { type: 'navigate', href: hrefs.volume(v.name, 'files') } },
    { key: `volume-remove:${v.name}`, label: t.removeVolume(v.name), kind: 'action', detail: detail(v), action: { type: 'remove-volume', name: v.name } },
  ]);
}

/** Tabs of a container's page the palette opens directly. */
const CONTAINER_TABS: { tab: DetailsTab; label: (name: string) => string; when: (c: ContainerSummary) => boolean }[] = [
  { tab: 'logs', label: t.logs, when: () => true },
  { tab: 'terminal', label: t.terminal, when: (c) => c.state === 'running' },
  { tab: 'inspect', label: t.inspect, when: () => true },
  { tab: 'files', label: t.files, when: () => true },
];

export interface PaletteResult {
  item: PaletteItem;
  /** Matched character positions in the label (empty when the detail matched). */
  positions: number[];
}

/**
 * Commands and pages win over a container or image matched as well: "pull" is Pull image…
 * before a container named puller-1 (a few characters shorter, so otherwise ahead).
 */
const COMMAND_BOOST = 10;

/** How much a match in the detail (image, state) counts less than one in the label. */
const DETAIL_PENALTY = 60;

/** The items matching the query, best first. */
export function searchPalette(items: readonly PaletteItem[], query: string): PaletteResult[] {
  if (query.trim() === '') return items.map((item) => ({ item, positions: [] }));
  const scored = rankByFuzzy(query, items, (i) => i.label).map(({ item, match }) => ({
    item,
    match: item.kind === 'command' || item.kind === 'page' ? { ...match, score: match.score + COMMAND_BOOST } : match,
  }));
  const inLabel = new Set(scored.map((s) => s.item.key));
  const byDetail = rankByFuzzy(
    query,
    items.filter((i) => i.detail && !inLabel.has(i.key)),
    (i) => i.detail!,
  ).map(({ item, match }) => ({ item, match: { score: match.score - DETAIL_PENALTY, positions: [] } as FuzzyMatch }));
  const order = new Map(items.map((item, index) => [item.key, index]));
  return [...scored, ...byDetail]
    .sort((a, b) => b.match.score - a.match.score || order.get(a.item.key)! - order.get(b.item.key)!)
    .map(({ item, match }) => ({ item, positions: match.positions }));
}
