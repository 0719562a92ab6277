import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary } from '../../src-common/models/container';
import { container, fakeEngine, unreachable } from './test-support/fake-engine';
import { findMenuItem, resetFakeElectron, state, type FakeMenuItemOptions } from './test-support/fake-electron';
import { createTrayController, trayIconDir } from './tray';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule);

const root = path.resolve(__dirname, '..', '..');
const iconDir = path.join(root, 'assets', 'tray');

function setup(initial: ContainerSummary[] = [], platform: NodeJS.Platform = 'linux') {
  const fake = fakeEngine(initial);
  const opened: string[] = [];
  const controller = createTrayController({
    engine: fake.engine,
    iconDir,
    platform,
    openWindow: (route) => opened.push(route ? `${route.containerId}/${route.tab}` : 'window'),
    quit: () => opened.push('quit'),
    openUrl: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    expectExit: (id) => fake.calls.push(`expect ${id}`),
  });
  const tray = state.trays[0]!;
  const menuItems = (): FakeMenuItemOptions[] => tray.contextMenu?.items ?? [];
  const item = (id: string) => {
    const found = findMenuItem(menuItems(), id);
    if (!found) throw new Error(`no menu item ${id}`);
    return found;
  };
  return { ...fake, controller, tray, opened, menuItems, item };
}

/** Lets scheduled work (the coalesced rebuild) run. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Lets the promise chain behind a click (dialog, engine call, error report) run. */
async function settle(condition: () => boolean, what: string) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > 2_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

beforeEach(() => resetFakeElectron());

describe('tray adapter', () => {
  it('creates one tray with the icon, tooltip and menu of the current state', () => {
    const { tray, item, menuItems } = setup([container('a')]);
    expect(state.trays).toHaveLength(1);
    expect(tray.image.path).toBe(path.join(iconDir, 'tray-running-32.png'));
    expect(tray.image.isEmpty()).toBe(false);
    expect(tray.tooltip).toBe('Berth — 1 running · Docker Engine 28.1.1');
    expect(menuItems()[0]).toMatchObject({ id: 'engine-status', label: 'Docker Engine 28.1.1 · unix:///var/run/docker.sock', enabled: false });
    expect(item('container:a')).toMatchObject({ label: 'web-a — Up 1 minute' });
    expect(item('container:a').submenu?.map((i) => i.label ?? i.type)).toEqual(['Stop', 'Restart', 'Pause', 'separator', 'Open terminal', 'Show logs']);
  });

  it('builds a fresh menu when a container changes, and none when nothing visible changed', async () => {
    const { tray, upsert, controller } = setup([container('a')]);
    const first = tray.contextMenu;
    expect(controller.menuBuilds()).toBe(1);

    upsert(container('a', { command: 'sh -c other' }));
    await tick();
    expect(controller.menuBuilds()).toBe(1);
    expect(tray.calls.setContextMenu).toBe(1);

    upsert(container('a', { state: 'exited', status: 'Exited (0)' }));
    await tick();
    expect(controller.menuBuilds()).toBe(2);
    expect(tray.calls.setContextMenu).toBe(2);
    // A new Menu object, which is what Linux's AppIndicator needs to see a change.
    expect(tray.contextMenu).not.toBe(first);
    expect(findMenuItem(tray.contextMenu!.items, 'container:a:start')).toBeDefined();
  });

  it('rebuilds once for a burst of changes', async () => {
    const { upsert, controller, tray } = setup([container('a')]);
    for (let i = 0; i < 50; i++) upsert(container(`n${i}`));
    await tick();
    expect(controller.menuBuilds()).toBe(2);
    expect(findMenuItem(tray.contextMenu!.items, 'container:n49')).toBeDefined();
  });

  it('follows the state with its icon and tooltip: running, idle, unreachable', async () => {
    const { tray, upsert, setStatus } = setup([container('a')]);
    upsert(container('a', { state: 'exited' }));
    await tick();
    expect(tray.image.path).toBe(path.join(iconDir, 'tray-idle-32.png'));
    expect(tray.tooltip).toBe('Berth — nothing running · Docker Engine 28.1.1');
    setStatus(unreachable);
    await tick();
    expect(tray.image.path).toBe(path.join(iconDir, 'tray-unreachable-32.png'));
    expect(tray.tooltip).toBe('Berth — engine unreachable: connect ENOENT');
    expect(tray.contextMenu!.items.map((i) => i.label ?? i.type)).toEqual([
      'Engine unreachable: connect ENOENT',
      'separator',
      'Open Berth',
      'separator',
      'Quit Berth',
    ]);
    const setImages = tray.calls.setImage;
    setStatus(unreachable);
    await tick();
    expect(tray.calls.setImage).toBe(setImages);
  });

  it('uses template images on macOS and 16 px images on Windows', () => {
    setup([], 'darwin');
    expect(state.trays[0]!.image.path).toBe(path.join(iconDir, 'tray-idleTemplate.png'));
    resetFakeElectron();
    setup([container('a')], 'win32');
    expect(state.trays[0]!.image.path).toBe(path.join(iconDir, 'tray-running-16.png'));
    expect(state.trays[0]!.image.isEmpty()).toBe(false);
  });

  it('runs "Stop" from the built menu through the engine layer', async () => {
    const { item, calls } = setup([container('a')]);
    item('container:a:stop').click!();
    await settle(() => calls.includes('stop a'), 'the stop');
    expect(calls).toEqual(['expect a', 'stop a']);
  });

  it('asks before "Stop all running", naming what goes, and stops nothing on Cancel', async () => {
    const { item, calls } = setup([container('a'), container('b')]);
    state.messageBoxResponse = 1;
    item('stop-all').click!();
    await settle(() => state.messageBoxes.length === 1, 'the confirmation');
    expect(state.messageBoxes[0]).toMatchObject({
      type: 'question',
      message: 'Stop all running containers?',
      detail: 'Berth will stop 2 containers: web-a, web-b.',
      buttons: ['Stop them', 'Cancel'],
      cancelId: 1,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.filter((c) => c.startsWith('stop'))).toEqual([]);

    state.messageBoxResponse = 0;
    item('stop-all').click!();
    await settle(() => calls.filter((c) => c.startsWith('stop')).length === 2, 'both stops');
    expect(calls.filter((c) => c.startsWith('stop')).sort()).toEqual(['stop a', 'stop b']);
  });

  it('tells the user when the engine refuses', async () => {
    const { item } = setup([container('a')]);
    item('container:a:pause').click!();
    await settle(() => state.messageBoxes.length === 1, 'the error dialog');
    expect(state.messageBoxes[0]).toMatchObject({ type: 'error', detail: 'Cannot pause container a: it is not running' });
  });

  it('opens the window on a container tab, and quits', () => {
    const { item, opened } = setup([container('a')]);
    item('container:a:logs').click!();
    item('container:a:terminal').click!();
    item('open-window').click!();
    item('quit').click!();
    expect(opened).toEqual(['a/logs', 'a/terminal', 'window', 'quit']);
  });

  it('doubles ampersands so Electron shows them', () => {
    const { item } = setup([container('a', { name: 'R&D' })]);
    expect(item('container:a').label).toBe('R&&D — Up 1 minute');
  });

  it('opens the window on a left click on Windows only', () => {
    const win = setup([], 'win32');
    win.tray.emit('click');
    expect(win.opened).toEqual(['window']);
    resetFakeElectron();
    const linux = setup([], 'linux');
    linux.tray.emit('click');
    expect(linux.opened).toEqual([]);
  });

  it('stops listening and removes the icon when disposed, even with a rebuild pending', async () => {
    const { controller, tray, listeners, upsert } = setup([container('a')]);
    expect(listeners()).toBe(2);
    upsert(container('b'));
    controller.dispose();
    expect(listeners()).toBe(0);
    expect(tray.isDestroyed()).toBe(true);
    await tick();
    expect(controller.menuBuilds()).toBe(1);
  });

  it("rebuilds the menu when a status line's words change, and only then (the tray's status was the engine's old text)", () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { item, controller } = setup([container('a', { startedAt: Date.now() - 58_500 })]);
      expect(item('container:a').label).toBe('web-a — Up 58 seconds');
      vi.advanceTimersByTime(1_000);
      expect(item('container:a').label).toBe('web-a — Up 59 seconds');
      vi.advanceTimersByTime(1_000);
      expect(item('container:a').label).toBe('web-a — Up About a minute');
      const builds = controller.menuBuilds();
      // Minutes now: the next rebuild is a minute away, not a second.
      vi.advanceTimersByTime(59_000);
      expect(controller.menuBuilds()).toBe(builds);
      vi.advanceTimersByTime(1_000);
      expect(item('container:a').label).toBe('web-a — Up 2 minutes');
      controller.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('finds assets/tray beside dist/ from the main bundle directory', () => {
    expect(trayIconDir(path.join(root, 'dist', 'main'))).toBe(iconDir);
  });
});

describe('tray tooltip usage', () => {
  const totals = (t: number) => ({ t, cpuPercent: 50, memoryBytes: 64 * 1024 ** 2, running: 1, measured: 1, hostCpus: 2, hostMemoryBytes: 2 * 1024 ** 3 });

  it('shows the totals the window collects, and asks for none itself', async () => {
    const { tray, stats, pushTotals } = setup([container('a')]);
    expect(stats.holders.size).toBe(0);
    pushTotals(totals(Date.now()));
    await tick();
    expect(tray.tooltip).toBe('Berth — 1 running · Docker Engine 28.1.1 · CPU 50 % of 2 CPUs · Memory 64 MiB of 2.0 GiB');
  });

  it('leaves out totals that are no longer current', async () => {
    const { tray, pushTotals } = setup([container('a')]);
    pushTotals(totals(Date.now() - 60_000));
    await tick();
    expect(tray.tooltip).toBe('Berth — 1 running · Docker Engine 28.1.1');
  });

  it('a hover over the icon holds the totals for a while, as the tray, then lets go', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { tray, stats, controller } = setup([container('a')], 'darwin');
      tray.emit('mouse-enter');
      tray.emit('mouse-enter');
      expect([...stats.holders].map((h) => `${h.origin} ${h.totals}`)).toEqual(['tray true']);
      vi.advanceTimersByTime(20_001);
      expect(stats.holders.size).toBe(0);
      tray.emit('mouse-enter');
      controller.dispose();
      expect(stats.holders.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
