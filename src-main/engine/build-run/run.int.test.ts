import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunForm } from '../../../src-common/models/build-run';
import { emptyRunForm } from '../../../src-common/run-spec';
import {
  closeFixtureClient,
  ensureBusyboxImage,
  fixtureClient,
  removeTestObjects,
  TEST_IMAGE,
  TEST_LABELS,
  TEST_RUN_LABEL,
  TEST_RUN_ID,
  uniqueName,
} from '../../test-support/engine-fixtures';
import { createRunService } from './run-service';

const IDLE = `sh -c 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'`;
const labelLines = Object.entries(TEST_LABELS)
  .map(([k, v]) => `${k}=${v}`)
  .join('\n');

const form = (overrides: Partial<RunForm> = {}): RunForm => ({
  ...emptyRunForm(TEST_IMAGE),
  name: uniqueName('run'),
  command: IDLE,
  labels: labelLines,
  ...overrides,
});

/** A port free right now on this host (released before it is used). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Inspect {
  Id: string;
  Name: string;
  State: { Running: boolean };
  Config: { Env: string[]; Labels: Record<string, string>; Cmd: string[]; Tty: boolean; OpenStdin: boolean };
  HostConfig: {
    PortBindings: Record<string, { HostIp: string; HostPort: string }[]>;
    Binds: string[];
    Memory: number;
    NanoCpus: number;
    RestartPolicy: { Name: string; MaximumRetryCount: number };
  };
  Mounts: { Type: string; Name?: string; Destination: string; RW: boolean }[];
  NetworkSettings: { Ports: Record<string, { HostPort: string }[] | null> };
}

const inspect = (id: string) =>
  fixtureClient().request<Inspect>({ method: 'GET', path: `/containers/${id}/json`, action: 'inspect' });

async function ourContainerCount(): Promise<number> {
  return (await fixtureClient().listContainers({ label: [`${TEST_RUN_LABEL}=${TEST_RUN_ID}`] })).length;
}

describe('run against the real engine', () => {
  const service = createRunService(() => fixtureClient());
  beforeAll(async () => {
    await ensureBusyboxImage();
  });
  afterAll(async () => {
    await removeTestObjects();
    closeFixtureClient();
  });

  it('creates and starts a container whose inspect shows every field', async () => {
    const volume = uniqueName('vol');
    await fixtureClient().createVolume(volume, { ...TEST_LABELS });
    const port = await freePort();
    const f = form({
      ports: `127.0.0.1:${port}:80\n9000/udp`,
      env: 'GREETING=hello world\n# comment\nEMPTY=',
      volumes: `${volume}:/data\n/tmp:/host-tmp:ro`,
      restartPolicy: 'on-failure:3',
      cpus: '0.5',
      memory: '64m',
      interactive: true,
      labels: `${labelLines}\ncom.example.team=core`,
    });
    const outcome = await service.start(f);
    expect(outcome).toMatchObject({ outcome: 'started', name: f.name });
    if (outcome.outcome !== 'started') return;
    const c = await inspect(outcome.id);
    expect(c.State.Running).toBe(true);
    expect(c.HostConfig.PortBindings['80/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(port) }]);
    expect(c.HostConfig.PortBindings['9000/udp']).toEqual([{ HostIp: '', HostPort: '' }]);
    // A random host port was assigned for the empty host part.
    expect(Number(c.NetworkSettings.Ports['9000/udp']?.[0]?.HostPort)).toBeGreaterThan(0);
    expect(c.Config.Env).toEqual(expect.arrayContaining(['GREETING=hello world', 'EMPTY=']));
    expect(c.Config.Labels).toMatchObject({ ...TEST_LABELS, 'com.example.team': 'core' });
    expect(c.Config.Cmd).toEqual(['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done']);
    expect(c.Mounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Type: 'volume', Name: volume, Destination: '/data', RW: true }),
        expect.objectContaining({ Type: 'bind', Destination: '/host-tmp', RW: false }),
      ]),
    );
    expect(c.HostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(c.HostConfig.NanoCpus).toBe(500_000_000);
    expect(c.HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 });
    expect(c.Config.Tty).toBe(true);
    expect(c.Config.OpenStdin).toBe(true);
  });

  it('a name in use is refused on the Name field', async () => {
    const f = form();
    expect((await service.start(f)).outcome).toBe('started');
    const again = await service.start({ ...f });
    expect(again).toMatchObject({ outcome: 'refused', field: 'name' });
    expect(again.outcome === 'refused' && again.message).toContain(f.name);
  });

  it('an allocated port is refused on the Ports field, and the unstarted container is removed', async () => {
    const port = await freePort();
    expect((await service.start(form({ ports: `${port}:80` }))).outcome).toBe('started');
    const before = await ourContainerCount();
    const second = form({ ports: `${port}:80` });
    const outcome = await service.start(second);
    expect(outcome).toMatchObject({ outcome: 'refused', field: 'ports' });
    expect(outcome.outcome === 'refused' && outcome.message).toMatch(new RegExp(`${port} is already in use`));
    expect(await ourContainerCount()).toBe(before);
  });

  it('an invalid form is refused without creating anything', async () => {
    const before = await ourContainerCount();
    const outcome = await service.start(form({ name: '-bad', ports: '70000', memory: '12x', image: 'Bad/Image' }));
    expect(outcome.outcome).toBe('invalid');
    if (outcome.outcome !== 'invalid') return;
    expect(Object.keys(outcome.problems).sort()).toEqual(['image', 'memory', 'name', 'ports']);
    expect(await ourContainerCount()).toBe(before);
  });

  it('a missing image is reported so the dialog can offer a pull', async () => {
    const outcome = await service.start(form({ image: 'berth-test/not-here:never' }));
    expect(outcome).toEqual({ outcome: 'image-missing', image: 'berth-test/not-here:never' });
  });

  it('lists networks and host CPUs for the dialog', async () => {
    const options = await service.options();
    expect(options.networks.map((n) => n.name)).toEqual(expect.arrayContaining(['bridge', 'host', 'none']));
    expect(options.hostCpus).toBeGreaterThan(0);
  });
});
