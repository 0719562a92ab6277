import { describe, expect, it } from 'vitest';
import { ContainerDetails, ContainerSummary } from '../../../src-common/models/container';
import { familiarImage, healthFromStatus, toContainerDetails, toContainerSummary, toPortMappings } from './container-mapper';
import type { RawContainerInspect, RawContainerSummary } from '../connection/engine-types';

const rawSummary: RawContainerSummary = {
  Id: 'a'.repeat(64),
  Names: ['/web-1'],
  Image: 'docker.io/library/nginx:1.27',
  ImageID: 'sha256:abc',
  Command: 'nginx -g daemon off;',
  Created: 1_700_000_000,
  State: 'running',
  Status: 'Up 3 minutes (healthy)',
  Ports: [
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { PrivatePort: 443, Type: 'tcp' },
  ],
  Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
};

describe('toContainerSummary', () => {
  it('maps a docker ps row to the contract', () => {
    const s = toContainerSummary(rawSummary);
    expect(ContainerSummary.parse(s)).toEqual(s);
    expect(s).toMatchObject({
      name: 'web-1',
      image: 'nginx:1.27',
      state: 'running',
      health: 'healthy',
      composeProject: 'shop',
      composeService: 'web',
      ports: [
        { ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' },
        { privatePort: 443, type: 'tcp' },
      ],
    });
  });

  it('names the volumes it mounts, each once, and not binds or tmpfs', () => {
    const s = toContainerSummary({
      ...rawSummary,
      Mounts: [
        { Type: 'volume', Name: 'pgdata', Destination: '/var/lib/postgresql/data' },
        { Type: 'bind', Source: '/srv/conf', Destination: '/conf' },
        { Type: 'volume', Name: 'a'.repeat(64), Destination: '/cache' },
        { Type: 'tmpfs', Destination: '/tmp' },
        { Type: 'volume', Name: 'pgdata', Destination: '/backup' },
      ],
    });
    expect(s.volumes).toEqual(['a'.repeat(64), 'pgdata']);
    expect(toContainerSummary(rawSummary).volumes).toBeUndefined();
  });

  it('copes with what Podman and old engines leave out', () => {
    const s = toContainerSummary({ Id: 'b'.repeat(64), State: 'configured', Labels: null });
    expect(s).toMatchObject({ name: 'bbbbbbbbbbbb', state: 'created', labels: {}, composeProject: null, health: null });
  });
});

describe('familiarImage', () => {
  it.each([
    ['docker.io/library/nginx:1', 'nginx:1'],
    ['docker.io/grafana/grafana', 'grafana/grafana'],
    ['ghcr.io/owner/app:2', 'ghcr.io/owner/app:2'],
    ['sha256:1234', 'sha256:1234'],
  ])('%s → %s', (input, expected) => expect(familiarImage(input)).toBe(expected));
});

describe('healthFromStatus', () => {
  it.each([
    ['Up 3 minutes (healthy)', 'healthy'],
    ['Up 3 minutes (unhealthy)', 'unhealthy'],
    ['Up 2 seconds (health: starting)', 'starting'],
    ['Up 3 minutes', null],
    ['Exited (0) 2 hours ago', null],
  ])('%s → %s', (status, expected) => expect(healthFromStatus(status)).toBe(expected));
});

describe('toPortMappings', () => {
  it('keeps different host addresses and protocols apart', () => {
    const ports = toPortMappings([
      { IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
      { IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'tcp' },
      { IP: '::', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
    ]);
    expect(ports).toHaveLength(3);
  });

  it('keeps the IPv4 twin whatever order the engine sends', () => {
    const ports = toPortMappings([
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    ]);
    expect(ports).toEqual([{ ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' }]);
  });
});

const rawInspect: RawContainerInspect = {
  Id: 'c'.repeat(64),
  Name: '/db',
  Created: '2026-01-02T03:04:05.123456789Z',
  Path: 'docker-entrypoint.sh',
  Args: ['postgres'],
  Image: 'sha256:def',
  RestartCount: 2,
  State: {
    Status: 'running',
    StartedAt: '2026-01-02T03:04:06Z',
    FinishedAt: '0001-01-01T00:00:00Z',
    ExitCode: 0,
    OOMKilled: false,
    Health: { Status: 'unhealthy', FailingStreak: 3, Log: [{ Output: 'old' }, { Output: 'connection refused' }] },
  },
  Config: {
    Image: 'docker.io/library/postgres:16',
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['postgres'],
    Env: ['POSTGRES_PASSWORD=x'],
    WorkingDir: '/',
    User: 'postgres',
    Tty: false,
    Labels: {},
  },
  HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 }, NanoCpus: 1_500_000_000, Memory: 0 },
  NetworkSettings: {
    Ports: { '5432/tcp': [{ HostIp: '0.0.0.0', HostPort: '5432' }, { HostIp: '::', HostPort: '5432' }], '9000/udp': null },
    Networks: {
      bridge: { IPAddress: '172.17.0.2', Gateway: '172.17.0.1', MacAddress: '02:42:ac:11:00:02', GlobalIPv6Address: '' },
    },
  },
  Mounts: [
    { Type: 'volume', Name: 'pgdata', Source: '/var/lib/docker/volumes/pgdata/_data', Destination: '/var/lib/postgresql/data', RW: true },
    { Type: 'bind', Source: '/etc/hosts', Destination: '/etc/hosts', RW: false },
  ],
};

describe('toContainerDetails', () => {
  it('maps inspect to the details view', () => {
    const d = toContainerDetails(rawInspect);
    expect(ContainerDetails.parse(d)).toBeTruthy();
    expect(d.summary).toMatchObject({ name: 'db', image: 'postgres:16', command: 'docker-entrypoint.sh postgres', health: 'unhealthy' });
    expect(d.summary.ports).toEqual([
      { ip: '0.0.0.0', privatePort: 5432, publicPort: 5432, type: 'tcp' },
      { privatePort: 9000, type: 'udp' },
    ]);
    expect(d.cpus).toBe(1.5);
    expect(d.memoryBytes).toBeNull();
    expect(d.finishedAt).toBeNull();
    expect(d.restartPolicy).toEqual({ name: 'on-failure', maximumRetryCount: 5 });
    expect(d.health).toEqual({ status: 'unhealthy', failingStreak: 3, lastOutput: 'connection refused' });
    expect(d.mounts[0]).toEqual({
      type: 'volume',
      name: 'pgdata',
      source: '/var/lib/docker/volumes/pgdata/_data',
      destination: '/var/lib/postgresql/data',
      readOnly: false,
    });
    expect(d.mounts[1]?.readOnly).toBe(true);
    expect(d.networks).toEqual([
      { name: 'bridge', ipAddress: '172.17.0.2', ipv6Address: '', gateway: '172.17.0.1', macAddress: '02:42:ac:11:00:02', aliases: [] },
    ]);
    expect(d.raw).toBe(rawInspect);
  });

  it('reports a memory limit in bytes', () => {
    expect(toContainerDetails({ ...rawInspect, HostConfig: { Memory: 268_435_456 } }).memoryBytes).toBe(268_435_456);
  });
});
