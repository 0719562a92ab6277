import { describe, expect, it } from 'vitest';
import { ContainerSummary } from '../../src-common/models/container';
import type { EngineStatus } from '../../src-common/models/engine-status';
import { buildTrayMenu, MAX_TOP_LEVEL_ENTRIES, sameMenu, toElectronLabel, trayMenuChangesAt, type TrayActionItem, type TrayMenuItem, type TraySubmenu } from './tray-menu-model';

const endpoint = { kind: 'unix', address: '/var/run/docker.sock', source: 'default', tls: false, display: 'unix:///var/run/docker.sock' } as const;
const connected: EngineStatus = {
  state: 'connected',
  endpoint,
  engine: { name: 'Docker Engine', version: '28.1.1', apiVersion: '1.49', os: 'linux', arch: 'amd64' },
};
const connecting: EngineStatus = { state: 'connecting', endpoint };
const unreachable: EngineStatus = {
  state: 'unreachable',
  endpoint,
  error: 'connect ENOENT /var/run/docker.sock\n(is the daemon running?)',
  hint: 'Start Docker',
  retryInMs: 2000,
};

let nextId = 0;
const MINUTES_3 = 3 * 60_000;
/** Times that word each state's status line as "… 3 minutes": started or ended 3 minutes before now. */
function timesFor(state: ContainerSummary['state'] = 'running'): Partial<ContainerSummary> {
  const threeMinutesAgo = Date.now() - MINUTES_3 - 1000;
  if (state === 'running' || state === 'paused') return { startedAt: threeMinutesAgo };
  if (state === 'exited' || state === 'restarting') return { finishedAt: threeMinutesAgo, exitCode: 0 };
  return {};
}
/** A realistic summary (checked against the contract's schema) with just the given fields changed. */
function container(fields: Partial<ContainerSummary> & { name: string }): ContainerSummary {
  nextId += 1;
  return ContainerSummary.parse({
    id: nextId.toString(16).padStart(12, '0'),
    image: 'busybox:latest',
    imageId: 'sha256:0123',
    command: 'sleep 3600',
    created: 1_700_000_000,
    state: 'running',
    status: 'Up 3 minutes',
    health: null,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    ports: [],
    labels: {},
    composeProject: null,
    composeService: null,
    ...timesFor(fields.state),
    ...fields,
  });
}

function many(n: number, state: ContainerSummary['state'] = 'running'): ContainerSummary[] {
  return Array.from({ length: n }, (_, i) => container({ name: `c-${i}`, state }));
}

type Action = TrayActionItem;
type Submenu = TraySubmenu;

function walk(items: readonly TrayMenuItem[]): TrayMenuItem[] {
  return items.flatMap((i) => (i.kind === 'submenu' ? [i, ...walk(i.items)] : [i]));
}
function byId(items: readonly TrayMenuItem[], id: string): TrayMenuItem {
  const found = walk(items).find((i) => i.kind !== 'separator' && i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}
const actionById = (items: readonly TrayMenuItem[], id: string) => byId(items, id) as Action;
const submenuById = (items: readonly TrayMenuItem[], id: string) => byId(items, id) as Submenu;
/** Ids of every container entry anywhere in the menu, in menu order. */
function containerEntryIds(items: readonly TrayMenuItem[]): string[] {
  return walk(items)
    .filter((i): i is Submenu => i.kind === 'submenu' && /^container:[^:]+$/.test(i.id))
    .map((i) => i.id.slice('container:'.length));
}
const topLevelEntries = (items: readonly TrayMenuItem[]) =>
  items.filter((i): i is Submenu => i.kind === 'submenu' && (i.id.startsWith('container:') || i.id.startsWith('project:')));
const labels = (items: readonly TrayMenuItem[]) => items.map((i) => (i.kind === 'separator' ? '---' : i.label));

describe('buildTrayMenu: engine states', () => {
  it('says why the engine is unreachable, on one line, and offers only Open and Quit', () => {
    const menu = buildTrayMenu({ engine: unreachable, containers: many(3) });
    expect(labels(menu)).toEqual([
      'Engine unreachable: connect ENOENT /var/run/docker.sock (is the daemon running?)',
      '---',
      'Open Berth',
      '---',
      'Quit Berth',
    ]);
    expect(menu[0]).toMatchObject({ kind: 'label' });
    expect(containerEntryIds(menu)).toEqual([]);
  });

  it('cuts a long error so the status line stays a line', () => {
    const menu = buildTrayMenu({ engine: { ...unreachable, error: 'x'.repeat(500) }, containers: [] });
    const status = menu[0] as { label: string };
    expect(status.label.length).toBe(100);
    expect(status.label.endsWith('…')).toBe(true);
  });

  it('shows no containers while connecting, since the list may be stale', () => {
    const menu = buildTrayMenu({ engine: connecting, containers: many(2) });
    expect(labels(menu)).toEqual(['Connecting to the engine at unix:///var/run/docker.sock…', '---', 'Open Berth', '---', 'Quit Berth']);
    expect(buildTrayMenu({ engine: { state: 'connecting', endpoint: null }, containers: [] })[0]).toMatchObject({
      label: 'Connecting to the engine…',
    });
  });

  it('shows engine name, version and endpoint when connected', () => {
    const menu = buildTrayMenu({ engine: connected, containers: [] });
    expect(menu[0]).toEqual({ kind: 'label', id: 'engine-status', label: 'Docker Engine 28.1.1 · unix:///var/run/docker.sock' });
    expect(actionById(menu, 'open-window').action).toEqual({ type: 'open-window' });
    expect(actionById(menu, 'quit').action).toEqual({ type: 'quit' });
  });
});

describe('buildTrayMenu: container counts', () => {
  it('says there are no containers and offers no stop-all for 0', () => {
    const menu = buildTrayMenu({ engine: connected, containers: [] });
    expect(labels(menu)).toEqual(['Docker Engine 28.1.1 · unix:///var/run/docker.sock', '---', 'Open Berth', '---', 'No containers', '---', 'Quit Berth']);
  });

  it('gives one running container Stop, Restart, Pause, terminal and logs', () => {
    const web = container({ name: 'web-1' });
    const menu = buildTrayMenu({ engine: connected, containers: [web] });
    const entry = submenuById(menu, `container:${web.id}`);
    expect(entry.label).toBe('web-1 — Up 3 minutes');
    expect(labels(entry.items)).toEqual(['Stop', 'Restart', 'Pause', '---', 'Open terminal', 'Show logs']);
    expect(entry.items.every((i) => i.kind !== 'action' || i.enabled)).toBe(true);
    expect(actionById(menu, `container:${web.id}:stop`).action).toEqual({ type: 'container', verb: 'stop', containerId: web.id });
    expect(actionById(menu, `container:${web.id}:terminal`).action).toEqual({
      type: 'open-window',
      route: { containerId: web.id, tab: 'terminal' },
    });
    expect(actionById(menu, `container:${web.id}:logs`).action).toEqual({ type: 'open-window', route: { containerId: web.id, tab: 'logs' } });
  });

  it(`keeps ${MAX_TOP_LEVEL_ENTRIES} entries at the top level without "More…"`, () => {
    const menu = buildTrayMenu({ engine: connected, containers: many(15) });
    expect(topLevelEntries(menu)).toHaveLength(15);
    expect(walk(menu).some((i) => i.kind === 'submenu' && i.id === 'more')).toBe(false);
  });

  it('moves the 16th entry into "More…"', () => {
    const containers = many(16);
    const menu = buildTrayMenu({ engine: connected, containers });
    expect(topLevelEntries(menu)).toHaveLength(15);
    const more = submenuById(menu, 'more');
    expect(more.label).toBe('More…');
    expect(containerEntryIds(more.items)).toEqual([containers[15]?.id]);
    expect(menu.indexOf(more)).toBe(menu.findIndex((i) => i.kind === 'submenu' && i.id.startsWith('container:')) + 15);
  });

  it('shows each of 100 containers exactly once, 15 on top and 85 under "More…"', () => {
    const containers = many(100);
    const menu = buildTrayMenu({ engine: connected, containers });
    expect(topLevelEntries(menu)).toHaveLength(15);
    expect(containerEntryIds(submenuById(menu, 'more').items)).toHaveLength(85);
    const ids = containerEntryIds(menu);
    expect(new Set(ids).size).toBe(100);
    expect([...ids].sort()).toEqual(containers.map((c) => c.id).sort());
  });

  it('shows each container exactly once when projects and standalone containers are mixed past the limit', () => {
    const containers = [
      ...Array.from({ length: 30 }, (_, i) => container({ name: `p${i % 6}-svc-${i}`, composeProject: `p${i % 6}`, state: i % 4 ? 'running' : 'exited' })),
      ...many(20, 'exited'),
    ];
    const menu = buildTrayMenu({ engine: connected, containers });
    const ids = containerEntryIds(menu);
    expect(ids).toHaveLength(50);
    expect(new Set(ids)).toEqual(new Set(containers.map((c) => c.id)));
    expect(topLevelEntries(menu)).toHaveLength(15);
    expect(topLevelEntries(submenuById(menu, 'more').items)).toHaveLength(26 - 15);
  });
});

describe('buildTrayMenu: compose projects', () => {
  const web = container({ name: 'shop-web-1', composeProject: 'shop', composeService: 'web' });
  const db = container({ name: 'shop-db-1', composeProject: 'shop', composeService: 'db', state: 'exited' });
  const other = container({ name: 'blog-app-1', composeProject: 'blog', state: 'exited' });
  const lone = container({ name: 'lone' });
  const menu = buildTrayMenu({ engine: connected, containers: [other, db, lone, web] });

  it('groups a project in one submenu with Start all and Stop all over exactly its containers', () => {
    const shop = submenuById(menu, 'project:shop');
    expect(shop.label).toBe('shop — compose, 1 of 2 running');
    expect(labels(shop.items)).toEqual(['Start all', 'Stop all', '---', 'shop-web-1 — Up 3 minutes', 'shop-db-1 — Exited (0) 3 minutes ago']);
    expect(actionById(shop.items, 'project:shop:start')).toMatchObject({
      enabled: true,
      action: { type: 'project', verb: 'start', project: 'shop', containerIds: [web.id, db.id] },
    });
    expect(actionById(shop.items, 'project:shop:stop')).toMatchObject({
      enabled: true,
      action: { type: 'project', verb: 'stop', project: 'shop', containerIds: [web.id, db.id] },
    });
    expect(containerEntryIds(shop.items)).toEqual([web.id, db.id]);
  });

  it('disables Stop all for a project with nothing up, and Start all for one with everything up', () => {
    expect(actionById(menu, 'project:blog:stop').enabled).toBe(false);
    expect(actionById(menu, 'project:blog:start').enabled).toBe(true);
    const up = buildTrayMenu({ engine: connected, containers: [web, { ...db, state: 'paused' }] });
    expect(actionById(up, 'project:shop:start').enabled).toBe(false);
    expect(actionById(up, 'project:shop:stop').enabled).toBe(true);
  });

  it('ranks projects by their liveliest container among standalone containers', () => {
    expect(labels(topLevelEntries(menu))).toEqual(['lone — Up 3 minutes', 'shop — compose, 1 of 2 running', 'blog — compose, 0 of 1 running']);
    expect(containerEntryIds(menu)).toHaveLength(4);
  });
});

describe('buildTrayMenu: container states', () => {
  it('offers Resume and Stop for a paused container, and counts it in stop-all', () => {
    const db = container({ name: 'db', state: 'paused' });
    const menu = buildTrayMenu({ engine: connected, containers: [db] });
    const entry = submenuById(menu, `container:${db.id}`);
    expect(entry.label).toBe('db — Up 3 minutes (Paused)');
    expect(labels(entry.items)).toEqual(['Stop', 'Restart', 'Resume', '---', 'Open terminal', 'Show logs']);
    expect(actionById(menu, `container:${db.id}:unpause`).action).toMatchObject({ verb: 'unpause' });
    expect(actionById(menu, `container:${db.id}:terminal`).enabled).toBe(false);
    expect(actionById(menu, 'stop-all').action).toEqual({ type: 'stop-all', containerIds: [db.id] });
  });

  it('offers Start for an exited container and disables what needs it running', () => {
    const job = container({ name: 'job', state: 'exited', status: 'Exited (0) 2 minutes ago' });
    const menu = buildTrayMenu({ engine: connected, containers: [job] });
    expect(labels(submenuById(menu, `container:${job.id}`).items)).toEqual(['Start', 'Restart', 'Pause', '---', 'Open terminal', 'Show logs']);
    expect(actionById(menu, `container:${job.id}:start`).enabled).toBe(true);
    expect(actionById(menu, `container:${job.id}:pause`).enabled).toBe(false);
    expect(actionById(menu, `container:${job.id}:terminal`).enabled).toBe(false);
    expect(actionById(menu, `container:${job.id}:logs`).enabled).toBe(true);
  });

  it('offers nothing but logs for a container being removed', () => {
    const gone = container({ name: 'gone', state: 'removing' });
    const menu = buildTrayMenu({ engine: connected, containers: [gone] });
    const enabled = submenuById(menu, `container:${gone.id}`).items.filter((i): i is Action => i.kind === 'action' && i.enabled);
    expect(enabled.map((i) => i.label)).toEqual(['Show logs']);
  });

  it("puts Docker's status line, health included, into the label", () => {
    const api = container({ name: 'api', health: 'unhealthy' });
    expect(submenuById(buildTrayMenu({ engine: connected, containers: [api] }), `container:${api.id}`).label).toBe('api — Up 3 minutes (unhealthy)');
  });
});

describe('buildTrayMenu: ports', () => {
  it('opens each published TCP host port once, in port order', () => {
    const web = container({
      name: 'web',
      ports: [
        { ip: '::', privatePort: 80, publicPort: 8080, type: 'tcp' },
        { ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' },
        { ip: '0.0.0.0', privatePort: 443, publicPort: 8443, type: 'tcp' },
        { ip: '0.0.0.0', privatePort: 53, publicPort: 5353, type: 'udp' },
        { privatePort: 9000, type: 'tcp' },
        { ip: '127.0.0.1', privatePort: 3000, publicPort: 3000, type: 'tcp' },
        { ip: '192.168.1.5', privatePort: 81, publicPort: 8081, type: 'tcp' },
      ],
    });
    const menu = buildTrayMenu({ engine: connected, containers: [web] });
    const opens = walk(menu).filter((i): i is Action => i.kind === 'action' && i.action.type === 'open-url');
    expect(opens.map((i) => i.label)).toEqual(['Open localhost:3000', 'Open localhost:8080', 'Open 192.168.1.5:8081', 'Open localhost:8443']);
    expect(opens.map((i) => i.action)).toEqual([
      { type: 'open-url', url: 'http://localhost:3000/' },
      { type: 'open-url', url: 'http://localhost:8080/' },
      { type: 'open-url', url: 'http://192.168.1.5:8081/' },
      { type: 'open-url', url: 'https://localhost:8443/' },
    ]);
    expect(labels(submenuById(menu, `container:${web.id}`).items).slice(3, 9)).toEqual(['---', ...opens.map((i) => i.label), '---']);
  });

  it('shows no port items when nothing is published', () => {
    const quiet = container({ name: 'quiet', ports: [{ privatePort: 80, type: 'tcp' }] });
    const menu = buildTrayMenu({ engine: connected, containers: [quiet] });
    expect(walk(menu).some((i) => i.kind === 'action' && i.action.type === 'open-url')).toBe(false);
  });
});

describe('buildTrayMenu: stop all running', () => {
  it('is absent when nothing runs', () => {
    const menu = buildTrayMenu({ engine: connected, containers: many(3, 'exited') });
    expect(walk(menu).some((i) => i.kind === 'action' && i.id === 'stop-all')).toBe(false);
  });

  it('asks first, naming how many containers and which', () => {
    const a = container({ name: 'alpha' });
    const b = container({ name: 'beta', state: 'restarting' });
    const c = container({ name: 'gamma', state: 'exited' });
    const item = actionById(buildTrayMenu({ engine: connected, containers: [c, b, a] }), 'stop-all');
    expect(item.label).toBe('Stop all running (2)');
    expect(item.action).toEqual({ type: 'stop-all', containerIds: [a.id, b.id] });
    expect(item.confirm).toEqual({ title: 'Stop all running containers?', message: 'Berth will stop 2 containers: alpha, beta.' });
  });

  it('names the first ten of many and says how many more', () => {
    const containers = many(100);
    const item = actionById(buildTrayMenu({ engine: connected, containers }), 'stop-all');
    expect(item.action).toEqual({ type: 'stop-all', containerIds: containers.map((c) => c.id) });
    expect(item.confirm?.message).toBe('Berth will stop 100 containers: c-0, c-1, c-2, c-3, c-4, c-5, c-6, c-7, c-8, c-9 and 90 more.');
  });

  it('uses the singular for one container', () => {
    const item = actionById(buildTrayMenu({ engine: connected, containers: [container({ name: 'solo' })] }), 'stop-all');
    expect(item.confirm?.message).toBe('Berth will stop 1 container: solo.');
  });
});

describe('buildTrayMenu: order and stability', () => {
  const mixed = [
    container({ name: 'zeta', state: 'exited' }),
    container({ name: 'web-10' }),
    container({ name: 'cache', state: 'restarting' }),
    container({ name: 'db', state: 'paused' }),
    container({ name: 'web-2' }),
    container({ name: 'alpha', state: 'created' }),
    container({ name: 'Beta', state: 'dead' }),
  ];

  it('lists running first, then paused, restarting, then the rest by name', () => {
    expect(labels(topLevelEntries(buildTrayMenu({ engine: connected, containers: mixed })))).toEqual([
      'web-2 — Up 3 minutes',
      'web-10 — Up 3 minutes',
      'db — Up 3 minutes (Paused)',
      'cache — Restarting (0) 3 minutes ago',
      'alpha — Created',
      'Beta — Dead',
      'zeta — Exited (0) 3 minutes ago',
    ]);
  });

  it('builds the same menu whatever the input order', () => {
    const menu = buildTrayMenu({ engine: connected, containers: mixed });
    const reversed = buildTrayMenu({ engine: connected, containers: [...mixed].reverse() });
    expect(reversed).toEqual(menu);
    expect(sameMenu(menu, reversed)).toBe(true);
  });

  it('is plain data that survives JSON', () => {
    const menu = buildTrayMenu({ engine: connected, containers: mixed });
    expect(JSON.parse(JSON.stringify(menu))).toEqual(menu);
  });
});

describe('sameMenu', () => {
  const web = container({ name: 'web' });

  it('ignores changes nobody can see in the menu, such as the status text', () => {
    const before = buildTrayMenu({ engine: connected, containers: [web] });
    const after = buildTrayMenu({ engine: connected, containers: [{ ...web, status: 'Up 4 minutes' }] });
    expect(sameMenu(before, after)).toBe(true);
  });

  it('notices a state change, a new container and an engine change', () => {
    const before = buildTrayMenu({ engine: connected, containers: [web] });
    expect(sameMenu(before, buildTrayMenu({ engine: connected, containers: [{ ...web, state: 'paused' }] }))).toBe(false);
    expect(sameMenu(before, buildTrayMenu({ engine: connected, containers: [web, container({ name: 'new' })] }))).toBe(false);
    expect(sameMenu(before, buildTrayMenu({ engine: unreachable, containers: [web] }))).toBe(false);
  });

  it('treats an absent field and an undefined one alike', () => {
    const a: TrayMenuItem[] = [{ kind: 'action', id: 'x', label: 'X', enabled: true, action: { type: 'quit' } }];
    const b: TrayMenuItem[] = [{ kind: 'action', id: 'x', label: 'X', enabled: true, action: { type: 'quit' }, confirm: undefined }];
    expect(sameMenu(a, b)).toBe(true);
    expect(sameMenu(a, [{ ...a[0]!, kind: 'action', label: 'Y' } as TrayMenuItem])).toBe(false);
  });
});

describe('toElectronLabel', () => {
  it('doubles ampersands so Electron shows them instead of marking a mnemonic', () => {
    expect(toElectronLabel('Engine unreachable: a & b && c')).toBe('Engine unreachable: a && b &&&& c');
    expect(toElectronLabel('web-1 — running')).toBe('web-1 — running');
  });
});

describe('trayMenuChangesAt', () => {
  const now = Date.UTC(2026, 0, 1, 12);
  it('is the earliest change of any status line: a second while one counts seconds, else a minute', () => {
    const minutes = container({ name: 'old', startedAt: now - 10 * 60_000 - 20_000 });
    const seconds = container({ name: 'new', startedAt: now - 5_400 });
    expect(trayMenuChangesAt({ engine: connected, containers: [minutes], now })).toBe(now + 40_000);
    expect(trayMenuChangesAt({ engine: connected, containers: [minutes, seconds], now })).toBe(now + 600);
  });

  it('is never for lines without a time, or while the engine is away', () => {
    expect(trayMenuChangesAt({ engine: connected, containers: [container({ name: 'c', state: 'created' })], now })).toBeNull();
    expect(trayMenuChangesAt({ engine: unreachable, containers: [container({ name: 'r', startedAt: now })], now })).toBeNull();
  });
});
