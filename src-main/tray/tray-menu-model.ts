import type { ContainerState, ContainerSummary } from '../../src-common/models/container';
import type { EngineStatus } from '../../src-common/models/engine-status';
import { statusChangesAt, statusText } from '../../src-common/container-status';
import { trayStrings as s } from './tray-strings';

// The tray menu as plain data, built by one pure function from the app state, so that
// every state can be unit-tested without Electron and the adapter can skip rebuilding
// a native menu when nothing visible changed (see sameMenu).
//
// Labels are raw text. Electron reads '&' in a label as a mnemonic marker (Windows and
// Linux), so the adapter must pass every label through toElectronLabel; keeping the model
// raw keeps it readable in tests and usable by any other renderer of the menu.

export type ContainerVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause';

export type TrayAction =
  | { type: 'container'; verb: ContainerVerb; containerId: string }
  | { type: 'project'; verb: 'start' | 'stop'; project: string; containerIds: string[] }
  | { type: 'open-url'; url: string }
  | { type: 'open-window'; route?: { containerId: string; tab: 'logs' | 'terminal' } }
  | { type: 'stop-all'; containerIds: string[] }
  | { type: 'quit' };

/** Ask the user before running the action; the adapter shows a dialog with these words. */
export interface TrayConfirm {
  title: string;
  message: string;
}

export type TrayActionItem = {
  kind: 'action';
  id: string;
  label: string;
  enabled: boolean;
  action: TrayAction;
  confirm?: TrayConfirm;
};
export type TraySubmenu = { kind: 'submenu'; id: string; label: string; items: TrayMenuItem[] };
/** Shown disabled: information, not a command. */
export type TrayLabel = { kind: 'label'; id: string; label: string };
export type TrayMenuItem = TrayActionItem | TraySubmenu | TrayLabel | { kind: 'separator' };

export interface TrayState {
  engine: EngineStatus;
  containers: readonly ContainerSummary[];
  /** The moment the status lines are worded for (Unix ms); now when absent. */
  now?: number;
}

/** Container entries (standalone containers and compose projects) shown before "More…". */
export const MAX_TOP_LEVEL_ENTRIES = 15;
/** The stop-all confirmation names this many containers, then says how many more. */
const MAX_NAMES_IN_CONFIRM = 10;
/** Engine errors can be paragraphs; a menu line should not be. */
const MAX_STATUS_CHARS = 100;

const separator: TrayMenuItem = { kind: 'separator' };

export function buildTrayMenu(state: TrayState): TrayMenuItem[] {
  const items: TrayMenuItem[] = [
    { kind: 'label', id: 'engine-status', label: engineStatusLine(state.engine) },
    separator,
    action('open-window', s.openApp, { type: 'open-window' }),
  ];
  // Only a connected engine's list is current; a stale list would offer actions that fail.
  if (state.engine.state === 'connected') {
    const ordered = orderContainers(state.containers);
    items.push(separator, ...containerSection(ordered, state.now ?? Date.now()));
    const up = ordered.filter((c) => isUp(c.state));
    if (up.length > 0) items.push(separator, stopAllItem(up));
  }
  items.push(separator, action('quit', s.quit, { type: 'quit' }));
  return items;
}

/**
 * When a status line in the menu next reads differently (Unix ms), or null when none
 * will: the adapter rebuilds the menu then, and at no other time for the clock's sake.
 */
export function trayMenuChangesAt(state: TrayState): number | null {
  if (state.engine.state !== 'connected') return null;
  const now = state.now ?? Date.now();
  let next: number | null = null;
  for (const c of state.containers) {
    const at = statusChangesAt(c, now);
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}

/** True when both menus would look and act the same, so the native menu need not be rebuilt. */
export function sameMenu(a: readonly TrayMenuItem[], b: readonly TrayMenuItem[]): boolean {
  return samePlainData(a, b);
}

/** The label as Electron must receive it: '&&' shows a literal '&' instead of marking a mnemonic. */
export function toElectronLabel(label: string): string {
  return label.replaceAll('&', '&&');
}

/** Running, paused and restarting containers hold resources: Stop is what applies to them. */
export function isUp(state: ContainerState): boolean {
  return state === 'running' || state === 'paused' || state === 'restarting';
}

/** Running first, then paused, restarting, then the rest; by name within each (numbers in names compare as numbers). */
export function orderContainers(containers: readonly ContainerSummary[]): ContainerSummary[] {
  return [...containers].sort(
    (a, b) => stateRank(a.state) - stateRank(b.state) || compareNames(a.name, b.name) || compareIds(a.id, b.id),
  );
}

function engineStatusLine(engine: EngineStatus): string {
  switch (engine.state) {
    case 'connected':
      return s.engineConnected(s.engineName(engine.engine.name, engine.engine.version), engine.endpoint.display);
    case 'connecting':
      return s.engineConnecting(engine.endpoint?.display ?? null);
    case 'unreachable':
      return truncate(s.engineUnreachable(oneLine(engine.error)), MAX_STATUS_CHARS);
  }
}

type Entry =
  | { kind: 'container'; name: string; rank: number; container: ContainerSummary }
  | { kind: 'project'; name: string; rank: number; members: ContainerSummary[] };

/** Compose projects become one entry each, ranked by their liveliest member, among the standalone containers. */
function containerSection(ordered: readonly ContainerSummary[], now: number): TrayMenuItem[] {
  if (ordered.length === 0) return [{ kind: 'label', id: 'no-containers', label: s.noContainers }];
  const projects = new Map<string, ContainerSummary[]>();
  const entries: Entry[] = [];
  for (const c of ordered) {
    if (c.composeProject === null) {
      entries.push({ kind: 'container', name: c.name, rank: stateRank(c.state), container: c });
      continue;
    }
    const members = projects.get(c.composeProject);
    if (members) members.push(c);
    else projects.set(c.composeProject, [c]);
  }
  for (const [name, members] of projects) {
    entries.push({ kind: 'project', name, rank: Math.min(...members.map((m) => stateRank(m.state))), members });
  }
  entries.sort(
    (a, b) =>
      a.rank - b.rank ||
      compareNames(a.name, b.name) ||
      (a.kind === b.kind ? 0 : a.kind === 'project' ? -1 : 1) ||
      compareIds(entryKey(a), entryKey(b)),
  );
  const items = entries.map((e) => (e.kind === 'container' ? containerSubmenu(e.container, now) : projectSubmenu(e.name, e.members, now)));
  if (items.length <= MAX_TOP_LEVEL_ENTRIES) return items;
  return [
    ...items.slice(0, MAX_TOP_LEVEL_ENTRIES),
    { kind: 'submenu', id: 'more', label: s.more, items: items.slice(MAX_TOP_LEVEL_ENTRIES) },
  ];
}

function entryKey(e: Entry): string {
  return e.kind === 'container' ? e.container.id : e.name;
}

function containerSubmenu(c: ContainerSummary, now: number): TrayMenuItem {
  const id = `container:${c.id}`;
  const verb = (v: ContainerVerb): TrayAction => ({ type: 'container', verb: v, containerId: c.id });
  const gone = c.state === 'removing' || c.state === 'dead';
  const items: TrayMenuItem[] = [
    isUp(c.state)
      ? action(`${id}:stop`, s.stop, verb('stop'))
      : action(`${id}:start`, s.start, verb('start'), !gone),
    action(`${id}:restart`, s.restart, verb('restart'), !gone),
    c.state === 'paused'
      ? action(`${id}:unpause`, s.resume, verb('unpause'))
      : action(`${id}:pause`, s.pause, verb('pause'), c.state === 'running'),
  ];
  // A paused container's ports accept connections but never answer, so only running ones open.
  const running = c.state === 'running';
  const urls = publishedUrls(c);
  if (urls.length > 0) items.push(separator);
  for (const u of urls) {
    items.push(action(`${id}:open:${u.hostPort}`, s.openUrl(u.hostPort), { type: 'open-url', url: u.url }, running));
  }
  const openTab = (tab: 'logs' | 'terminal'): TrayAction => ({ type: 'open-window', route: { containerId: c.id, tab } });
  items.push(
    separator,
    action(`${id}:terminal`, s.openTerminal, openTab('terminal'), running),
    action(`${id}:logs`, s.showLogs, openTab('logs')),
  );
  return { kind: 'submenu', id, label: s.containerLabel(c.name, statusText(c, now)), items };
}

function projectSubmenu(project: string, members: readonly ContainerSummary[], now: number): TrayMenuItem {
  const id = `project:${project}`;
  const projectAction = (verb: 'start' | 'stop'): TrayAction => ({ type: 'project', verb, project, containerIds: members.map((m) => m.id) });
  const running = members.filter((m) => m.state === 'running').length;
  const anyUp = members.some((m) => isUp(m.state));
  const anyStartable = members.some((m) => !isUp(m.state) && m.state !== 'removing' && m.state !== 'dead');
  return {
    kind: 'submenu',
    id,
    label: s.projectLabel(project, running, members.length),
    items: [
      action(`${id}:start`, s.startAll, projectAction('start'), anyStartable),
      action(`${id}:stop`, s.stopAll, projectAction('stop'), anyUp),
      separator,
      ...members.map((m) => containerSubmenu(m, now)),
    ],
  };
}

function stopAllItem(up: readonly ContainerSummary[]): TrayMenuItem {
  const names = up.slice(0, MAX_NAMES_IN_CONFIRM).map((c) => c.name);
  return {
    ...action('stop-all', s.stopAllRunning(up.length), { type: 'stop-all', containerIds: up.map((c) => c.id) }),
    confirm: { title: s.stopAllConfirmTitle, message: s.stopAllConfirmMessage(up.length, names, up.length - names.length) },
  };
}

interface PublishedUrl {
  hostPort: string;
  url: string;
}

/**
 * One URL per published TCP host port. The engine lists a port once per address family
 * (0.0.0.0 and ::), which is the same port to a browser, so those collapse into one.
 * A port bound to a specific non-loopback address is opened on that address.
 */
function publishedUrls(c: ContainerSummary): PublishedUrl[] {
  const byHostPort = new Map<string, { host: string; port: number; tls: boolean }>();
  for (const p of c.ports) {
    if (p.type !== 'tcp' || p.publicPort === undefined) continue;
    const host = browserHost(p.ip);
    const key = `${host}:${p.publicPort}`;
    if (!byHostPort.has(key)) byHostPort.set(key, { host, port: p.publicPort, tls: p.privatePort === 443 });
  }
  return [...byHostPort.values()]
    .sort((a, b) => a.port - b.port || compareIds(a.host, b.host))
    .map(({ host, port, tls }) => ({ hostPort: `${host}:${port}`, url: `${tls ? 'https' : 'http'}://${host}:${port}/` }));
}

const WILDCARD_OR_LOOPBACK = new Set(['', '0.0.0.0', '::', '127.0.0.1', '::1']);

function browserHost(ip: string | undefined): string {
  if (ip === undefined || WILDCARD_OR_LOOPBACK.has(ip)) return 'localhost';
  return ip.includes(':') ? `[${ip}]` : ip;
}

function action(id: string, label: string, act: TrayAction, enabled = true): TrayActionItem {
  return { kind: 'action', id, label, enabled, action: act };
}

const STATE_RANK: Record<ContainerState, number> = {
  running: 0,
  paused: 1,
  restarting: 2,
  created: 3,
  exited: 3,
  dead: 3,
  removing: 3,
};

function stateRank(state: ContainerState): number {
  return STATE_RANK[state];
}

// A fixed locale so the order does not depend on the machine's language settings.
const nameCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareNames(a: string, b: string): number {
  return nameCollator.compare(a, b);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  // Absent and undefined keys mean the same to the menu, so compare only defined ones.
  const keysOf = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keysOf(a);
  const kb = keysOf(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => samePlainData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
