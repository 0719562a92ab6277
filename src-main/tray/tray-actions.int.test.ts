import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../engine/index';
import {
  closeFixtureClient,
  createTestContainer,
  ensureBusyboxImage,
  removeTestContainer,
  waitFor,
} from '../test-support/engine-fixtures';
import { runTrayItem, type TrayActionDeps } from './tray-actions';
import { buildTrayMenu, type TrayActionItem, type TrayMenuItem } from './tray-menu-model';

let engine: Engine;
const created: string[] = [];

beforeAll(async () => {
  await ensureBusyboxImage();
  engine = createEngine();
  engine.start();
  await waitFor(() => engine.connection.current().state === 'connected', { timeoutMs: 15_000, description: 'connected' });
});

afterAll(async () => {
  await engine.dispose();
  for (const id of created) await removeTestContainer(id);
  closeFixtureClient();
});

function find(items: readonly TrayMenuItem[], id: string): TrayActionItem | undefined {
  for (const item of items) {
    if (item.kind === 'action' && item.id === id) return item;
    if (item.kind === 'submenu') {
      const found = find(item.items, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** The menu as the tray would build it now, from the engine's live state. */
const currentMenu = () => buildTrayMenu({ engine: engine.connection.current(), containers: engine.watcher.current() ?? [] });

/** The dispatch the Electron adapter uses, with the engine real and the desktop parts refused. */
function engineOnlyDeps(): TrayActionDeps {
  const notHere = () => {
    throw new Error('not part of this test');
  };
  return {
    containers: engine.containers,
    currentContainers: () => engine.watcher.current(),
    openUrl: notHere,
    openWindow: notHere,
    confirm: () => Promise.resolve(true),
    quit: notHere,
  };
}

const stateOf = async (id: string) => (await engine.containers.inspect(id)).summary.state;

describe('tray actions against the real engine', () => {
  it('Stop from the tray menu stops the container, and the rebuilt menu offers Start', async () => {
    const c = await createTestContainer();
    created.push(c.id);
    const stop = await waitFor(() => find(currentMenu(), `container:${c.id}:stop`), {
      timeoutMs: 15_000,
      description: 'the container in the tray menu with Stop',
    });
    expect(await runTrayItem(stop, engineOnlyDeps())).toEqual({ kind: 'done' });
    expect(await stateOf(c.id)).toBe('exited');
    // The watcher hears the engine's events; the menu built from it follows.
    const start = await waitFor(() => find(currentMenu(), `container:${c.id}:start`), { timeoutMs: 15_000, description: 'Start in the menu' });
    expect(await runTrayItem(start, engineOnlyDeps())).toEqual({ kind: 'done' });
    expect(await stateOf(c.id)).toBe('running');
  });

  it('Stop all of a compose project stops its running members', async () => {
    const a = await createTestContainer({ labels: { 'com.docker.compose.project': `berthtray${process.pid}` } });
    const b = await createTestContainer({ labels: { 'com.docker.compose.project': `berthtray${process.pid}` } });
    created.push(a.id, b.id);
    const project = `project:berthtray${process.pid}`;
    // Stop all acts on the members the tray knows to be up, so wait until it knows both are.
    const projectLabel = `berthtray${process.pid} — compose, 2 of 2 running`;
    await waitFor(() => currentMenu().some((i) => i.kind === 'submenu' && i.id === project && i.label === projectLabel), {
      timeoutMs: 15_000,
      description: 'the compose project in the menu with both members running',
    });
    const stopProject = find(currentMenu(), `${project}:stop`)!;
    expect(await runTrayItem(stopProject, engineOnlyDeps())).toEqual({ kind: 'done' });
    expect([await stateOf(a.id), await stateOf(b.id)]).toEqual(['exited', 'exited']);
  });

  it('reports the engine refusing, naming the container', async () => {
    const c = await createTestContainer();
    created.push(c.id);
    await engine.containers.pause(c.id);
    const result = await runTrayItem(
      { kind: 'action', id: 'x', label: 'Start', enabled: true, action: { type: 'container', verb: 'start', containerId: c.id } },
      engineOnlyDeps(),
    );
    expect(result.kind).toBe('failed');
    expect(result.kind === 'failed' && result.messages[0]).toContain(c.name);
    await engine.containers.unpause(c.id);
  });
});
