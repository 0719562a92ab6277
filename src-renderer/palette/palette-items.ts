import type { ContainerSummary } from '../../src-common/models/container';
import type { ImageSummary } from '../../src-common/models/images';
import type { NetworkSummary } from '../../src-common/models/networks';
import { networkPaletteItems } from '../networks/network-palette-items';
import { containerStrings } from '../containers/strings';
import { isLive } from '../containers/rows';
import { chordsOf, SHORTCUTS } from '../keyboard/page-shortcuts';
import { formatShortcut } from '../keyboard/shortcuts';
import { hrefs, type DetailsTab } from '../router/route';
import { rowsOf, shortImageId } from '../images/image-rows';
import type { ContainerAction } from '../store/types';
import { rankByFuzzy, type FuzzyMatch } from './fuzzy';
import { paletteStrings as t } from './strings';

export type PaletteAction =
  | { type: 'navigate'; href: string }
  | { type: 'container'; id: string; action: Exclude<ContainerAction, 'remove'> }
  /** One of the images feature's row actions (Run, Push, Remove…), by its key. */
  | { type: 'image'; actionKey: string; target: { id: string; tag: string | null; ref: string } }
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
  /** Empty until the network list has been loaded. */
  networks?: readonly NetworkSummary[];
  isMac: boolean;
}

export interface PaletteItem {
  /** Unique among the items; also the option's element id suffix. */
  key: string;
  /** What the option is called ("Stop web-1"), and what the query is matched against. */
  label: string;
  kind: 'page' | 'container' | 'action' | 'image' | 'network';
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
export function buildPaletteItems({ containers, images, imageActions, networks = [], isMac }: PaletteSources): PaletteItem[] {
  const pages: PaletteItem[] = SHORTCUTS.filter((s) => s.href).map((s) => ({
    key: `page:${s.id}`,
    label: s.label,
    kind: 'page',
    keys: formatShortcut(chordsOf(s.id, isMac), isMac),
    action: { type: 'navigate', href: s.href! },
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
  return [
    ...pages,
    ...jumps,
    ...imageJumps,
    ...networkItems.filter((i) => i.kind === 'network'),
    ...containerActions,
    ...imageActionItems,
    ...networkItems.filter((i) => i.kind === 'action'),
  ];
}

/** Tabs of a container's page the palette opens directly. */
const CONTAINER_TABS: { tab: DetailsTab; label: (name: string) => string; when: (c: ContainerSummary) => boolean }[] = [
  { tab: 'logs', label: t.logs, when: () => true },
  { tab: 'terminal', label: t.terminal, when: (c) => c.state === 'running' },
  { tab: 'inspect', label: t.inspect, when: () => true },
];

export interface PaletteResult {
  item: PaletteItem;
  /** Matched character positions in the label (empty when the detail matched). */
  positions: number[];
}

/** How much a match in the detail (image, state) counts less than one in the label. */
const DETAIL_PENALTY = 60;

/** The items matching the query, best first. */
export function searchPalette(items: readonly PaletteItem[], query: string): PaletteResult[] {
  if (query.trim() === '') return items.map((item) => ({ item, positions: [] }));
  const scored = rankByFuzzy(query, items, (i) => i.label).map(({ item, match }) => ({ item, match }));
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
