import { describe, expect, it } from 'vitest';
import { ContainerSummary } from '../../src-common/models/container';
import { runTrayAction, runTrayItem, type TrayActionDeps } from './tray-actions';
import type { TrayActionItem } from './tray-menu-model';

function summary(id: string, state: ContainerSummary['state']): ContainerSummary {
  return ContainerSummary.parse({
    id,
    name: `n-${id}`,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sh',
    created: 1,
    state,
    status: '',
    health: null,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    ports: [],
    labels: {},
    composeProject: 'p',
    composeService: id,
  });
}

/** Records every call the dispatcher makes; `fail` makes the engine refuse those ids. */
function recorder(options: { confirm?: boolean; fail?: string[]; containers?: ContainerSummary[] } = {}) {
  const calls: string[] = [];
  const verb = (name: string) => (id: string) => {
    calls.push(`${name} ${id}`);
    return options.fail?.includes(id) ? Promise.reject(new Error(`Cannot ${name} container ${id}: boom`)) : Promise.resolve();
  };
  const deps: TrayActionDeps = {
    containers: { start: verb('start'), stop: verb('stop'), restart: verb('restart'), pause: verb('pause'), unpause: verb('unpause') },
    currentContainers: () => options.containers ?? null,
    openUrl: (url) => {
      calls.push(`open ${url}`);
      return Promise.resolve();
    },
    openWindow: (route) => calls.push(route ? `window ${route.containerId} ${route.tab}` : 'window'),
    confirm: (q) => {
      calls.push(`confirm ${q.title}`);
      return Promise.resolve(options.confirm ?? true);
    },
    quit: () => calls.push('quit'),
    expectExit: (id) => calls.push(`expect ${id}`),
  };
  return { calls, deps };
}

const stopAllItem: TrayActionItem = {
  kind: 'action',
  id: 'stop-all',
  label: 'Stop all running (2)',
  enabled: true,
  action: { type: 'stop-all', containerIds: ['a', 'b'] },
  confirm: { title: 'Stop all running containers?', message: 'Berth will stop 2 containers: a, b.' },
};

describe('tray actions', () => {
  it('runs a container verb through the engine layer, announcing expected exits for stop and restart', async () => {
    const { calls, deps } = recorder();
    expect(await runTrayAction({ type: 'container', verb: 'stop', containerId: 'a' }, deps)).toEqual({ kind: 'done' });
    await runTrayAction({ type: 'container', verb: 'pause', containerId: 'a' }, deps);
    await runTrayAction({ type: 'container', verb: 'restart', containerId: 'a' }, deps);
    expect(calls).toEqual(['expect a', 'stop a', 'pause a', 'expect a', 'restart a']);
  });

  it('asks before stopping everything, and stops nothing when the answer is no', async () => {
    const no = recorder({ confirm: false });
    expect(await runTrayItem(stopAllItem, no.deps)).toEqual({ kind: 'cancelled' });
    expect(no.calls).toEqual(['confirm Stop all running containers?']);
    const yes = recorder({ confirm: true });
    expect(await runTrayItem(stopAllItem, yes.deps)).toEqual({ kind: 'done' });
    expect(yes.calls).toEqual(['confirm Stop all running containers?', 'expect a', 'expect b', 'stop a', 'stop b']);
  });

  it('tries every container and reports each failure', async () => {
    const { calls, deps } = recorder({ fail: ['a'] });
    expect(await runTrayAction({ type: 'stop-all', containerIds: ['a', 'b'] }, deps)).toEqual({
      kind: 'failed',
      messages: ['Cannot stop container a: boom'],
    });
    expect(calls).toContain('stop b');
  });

  it('starts only the project members that are down, and stops only those that are up', async () => {
    const containers = [summary('a', 'running'), summary('b', 'exited'), summary('c', 'paused'), summary('d', 'dead')];
    const ids = containers.map((c) => c.id);
    const start = recorder({ containers });
    await runTrayAction({ type: 'project', verb: 'start', project: 'p', containerIds: ids }, start.deps);
    expect(start.calls).toEqual(['start b']);
    const stop = recorder({ containers });
    await runTrayAction({ type: 'project', verb: 'stop', project: 'p', containerIds: ids }, stop.deps);
    expect(stop.calls).toEqual(['expect a', 'expect c', 'stop a', 'stop c']);
  });

  it('opens only web addresses', async () => {
    const { calls, deps } = recorder();
    expect(await runTrayAction({ type: 'open-url', url: 'http://localhost:8080/' }, deps)).toEqual({ kind: 'done' });
    expect((await runTrayAction({ type: 'open-url', url: 'file:///etc/passwd' }, deps)).kind).toBe('failed');
    expect(calls).toEqual(['open http://localhost:8080/']);
  });

  it('opens the window, on a tab when asked, and quits', async () => {
    const { calls, deps } = recorder();
    await runTrayAction({ type: 'open-window' }, deps);
    await runTrayAction({ type: 'open-window', route: { containerId: 'a', tab: 'logs' } }, deps);
    await runTrayAction({ type: 'quit' }, deps);
    expect(calls).toEqual(['window', 'window a logs', 'quit']);
  });

  it('does nothing for a disabled item', async () => {
    const { calls, deps } = recorder();
    expect(await runTrayItem({ ...stopAllItem, enabled: false }, deps)).toEqual({ kind: 'cancelled' });
    expect(calls).toEqual([]);
  });
});
