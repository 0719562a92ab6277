import { describe, expect, it } from 'vitest';
import { ContainerSummary, type ContainerState } from '../../src-common/models/container';
import type { EngineStatus } from '../../src-common/models/engine-status';
import { trayIconState } from './tray-icon-state';

const endpoint = { kind: 'unix', address: '/var/run/docker.sock', source: 'default', tls: false, display: 'unix:///var/run/docker.sock' } as const;
const connected: EngineStatus = {
  state: 'connected',
  endpoint,
  engine: { name: 'Docker Engine', version: '28.1', apiVersion: '1.49', os: 'linux', arch: 'amd64' },
};

/** Summaries in the given states, checked against the contract's schema. */
function containers(...states: ContainerState[]): ContainerSummary[] {
  return states.map((state, i) =>
    ContainerSummary.parse({
      id: `c${i}`,
      name: `c-${i}`,
      image: 'busybox:latest',
      imageId: 'sha256:0123',
      command: 'sleep 3600',
      created: 1_700_000_000,
      state,
      status: '',
      health: null,
      startedAt: null,
      finishedAt: null,
      exitCode: null,
      ports: [],
      labels: {},
      composeProject: null,
      composeService: null,
    }),
  );
}

describe('trayIconState', () => {
  it('shows running with the count and the engine when containers run', () => {
    expect(trayIconState({ engine: connected, containers: containers('running', 'running', 'exited', 'running') })).toEqual({
      icon: 'running',
      tooltip: 'Berth — 3 running · Docker Engine 28.1',
    });
  });

  it('adds the engine-wide usage when it is known', () => {
    const totals = { t: 1, cpuPercent: 12.4, memoryBytes: 1.2 * 1024 ** 3, running: 3, measured: 3, hostCpus: 2, hostMemoryBytes: 23.5 * 1024 ** 3 };
    expect(trayIconState({ engine: connected, containers: containers('running') }, totals).tooltip).toBe(
      'Berth — 1 running · Docker Engine 28.1 · CPU 12 % of 2 CPUs · Memory 1.2 GiB of 24 GiB',
    );
    const unknownHost = { ...totals, cpuPercent: 0.45, hostCpus: null, hostMemoryBytes: null };
    expect(trayIconState({ engine: connected, containers: [] }, unknownHost).tooltip).toBe(
      'Berth — nothing running · Docker Engine 28.1 · CPU 0.5 % · Memory 1.2 GiB',
    );
  });

  it('counts paused and restarting containers as up and names them', () => {
    expect(trayIconState({ engine: connected, containers: containers('paused', 'running', 'restarting', 'paused') })).toEqual({
      icon: 'running',
      tooltip: 'Berth — 1 running, 2 paused, 1 restarting · Docker Engine 28.1',
    });
    expect(trayIconState({ engine: connected, containers: containers('paused') }).icon).toBe('running');
  });

  it('shows idle when connected with nothing up', () => {
    for (const list of [[], containers('exited', 'created', 'dead')]) {
      expect(trayIconState({ engine: connected, containers: list })).toEqual({
        icon: 'idle',
        tooltip: 'Berth — nothing running · Docker Engine 28.1',
      });
    }
  });

  it('shows unreachable with the reason on one line', () => {
    const engine: EngineStatus = { state: 'unreachable', endpoint, error: 'connect ENOENT\n/var/run/docker.sock', hint: '', retryInMs: 1000 };
    expect(trayIconState({ engine, containers: containers('running') })).toEqual({
      icon: 'unreachable',
      tooltip: 'Berth — engine unreachable: connect ENOENT /var/run/docker.sock',
    });
  });

  it('cuts a long reason to the 127 characters Windows shows', () => {
    const engine: EngineStatus = { state: 'unreachable', endpoint: null, error: 'y'.repeat(400), hint: '', retryInMs: 0 };
    const { tooltip } = trayIconState({ engine, containers: [] });
    expect(tooltip).toHaveLength(127);
    expect(tooltip.endsWith('…')).toBe(true);
  });

  it('looks unreachable while connecting, but says it is connecting', () => {
    expect(trayIconState({ engine: { state: 'connecting', endpoint }, containers: containers('running') })).toEqual({
      icon: 'unreachable',
      tooltip: 'Berth — connecting to the engine…',
    });
  });
});
