import {
  ContainerState,
  type ContainerDetails,
  type ContainerSummary,
  type HealthState,
  type PortMapping,
} from '../../../src-common/models/container';
import type { RawContainerInspect, RawContainerSummary, RawMount, RawPort } from '../connection/engine-types';
import { createStatusTimesMemory, type StatusTimesMemory } from './status-times';

const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_SERVICE = 'com.docker.compose.service';

/** The image as a user would write it: docker.io/library/nginx:1 → nginx:1. */
export function familiarImage(image: string): string {
  if (image.startsWith('docker.io/library/')) return image.slice('docker.io/library/'.length);
  if (image.startsWith('docker.io/')) return image.slice('docker.io/'.length);
  return image;
}

export function primaryName(names: readonly string[] | undefined, id: string): string {
  const first = names?.find((n) => !n.slice(1).includes('/')) ?? names?.[0];
  return first ? first.replace(/^\//, '') : id.slice(0, 12);
}

export function toContainerState(state: string | undefined): ContainerState {
  const parsed = ContainerState.safeParse((state ?? '').toLowerCase());
  // Podman says "configured" and "stopped" where Docker says "created" and "exited".
  if (parsed.success) return parsed.data;
  if (state === 'configured' || state === 'initialized') return 'created';
  if (state === 'stopping') return 'running';
  return 'exited';
}

/** Health from the status text: "Up 3 minutes (healthy)", "(unhealthy)", "(health: starting)". */
export function healthFromStatus(status: string): HealthState | null {
  if (/\(healthy\)/.test(status)) return 'healthy';
  if (/\(unhealthy\)/.test(status)) return 'unhealthy';
  if (/\(health: starting\)/.test(status)) return 'starting';
  return null;
}

function portType(type: string | undefined): PortMapping['type'] {
  return type === 'udp' || type === 'sctp' ? type : 'tcp';
}

/**
 * The engine lists a port published on all interfaces twice (0.0.0.0 and ::). One
 * row per mapping is what a person means, so the IPv6 twin of an IPv4 wildcard goes.
 */
export function toPortMappings(ports: readonly RawPort[] | undefined): PortMapping[] {
  const seen = new Set<string>();
  const out: PortMapping[] = [];
  const wildcard = (ip: string | undefined) => ip === '0.0.0.0' || ip === '::' || ip === '';
  const sorted = [...(ports ?? [])].sort(
    (a, b) => a.PrivatePort - b.PrivatePort || (a.PublicPort ?? 0) - (b.PublicPort ?? 0) || ipRank(a.IP) - ipRank(b.IP),
  );
  for (const p of sorted) {
    const type = portType(p.Type);
    const ipKey = wildcard(p.IP) ? '*' : (p.IP ?? '');
    const key = `${ipKey}|${p.PrivatePort}|${p.PublicPort ?? ''}|${type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...(p.IP !== undefined && p.IP !== '' ? { ip: p.IP } : {}),
      privatePort: p.PrivatePort,
      ...(p.PublicPort !== undefined ? { publicPort: p.PublicPort } : {}),
      type,
    });
  }
  return out;
}

/** IPv4 first so the kept twin is the familiar 0.0.0.0. */
const ipRank = (ip: string | undefined) => (ip?.includes(':') ? 1 : 0);

/**
 * One list entry as the contract's summary. Its times come from the status text read at
 * `fetchedAt` (see status-times.ts), narrowed by what `memory` saw of the same container.
 */
export function toContainerSummary(
  raw: RawContainerSummary,
  fetchedAt = Date.now(),
  memory: StatusTimesMemory = createStatusTimesMemory(),
): ContainerSummary {
  const labels = raw.Labels ?? {};
  const status = raw.Status ?? '';
  const state = toContainerState(raw.State);
  return {
    id: raw.Id,
    name: primaryName(raw.Names, raw.Id),
    image: familiarImage(raw.Image ?? raw.ImageID ?? ''),
    imageId: raw.ImageID ?? '',
    command: raw.Command ?? '',
    created: raw.Created ?? 0,
    state,
    status,
    health: healthFromStatus(status),
    ...memory.read(raw.Id, state, status, raw.Created ?? 0, fetchedAt),
    ports: toPortMappings(raw.Ports),
    labels,
    composeProject: labels[COMPOSE_PROJECT] ?? null,
    composeService: labels[COMPOSE_SERVICE] ?? null,
    ...(raw.Mounts ? { volumes: volumeNames(raw.Mounts) } : {}),
  };
}

/** The volumes among a container's mounts, each once (sorted, so equal lists compare equal). */
export function volumeNames(mounts: readonly RawMount[]): string[] {
  const names = new Set<string>();
  for (const m of mounts) if (m.Type === 'volume' && m.Name) names.add(m.Name);
  return [...names].sort();
}

const asArray = (v: string[] | string | null | undefined): string[] =>
  v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];

const engineTime = (t: string | undefined): string | null => (!t || t.startsWith('0001-01-01') ? null : t);
const engineMs = (t: string | undefined): number | null => {
  const ms = Date.parse(engineTime(t) ?? '');
  return Number.isFinite(ms) ? ms : null;
};

function inspectPorts(raw: RawContainerInspect): PortMapping[] {
  const list: RawPort[] = [];
  for (const [key, bindings] of Object.entries(raw.NetworkSettings?.Ports ?? {})) {
    const [port, type] = key.split('/');
    const privatePort = Number(port);
    if (!Number.isFinite(privatePort)) continue;
    if (!bindings || bindings.length === 0) list.push({ PrivatePort: privatePort, Type: type ?? 'tcp' });
    for (const b of bindings ?? []) {
      const publicPort = b.HostPort ? Number(b.HostPort) : undefined;
      list.push({
        PrivatePort: privatePort,
        Type: type ?? 'tcp',
        ...(b.HostIp !== undefined ? { IP: b.HostIp } : {}),
        ...(publicPort !== undefined ? { PublicPort: publicPort } : {}),
      });
    }
  }
  return toPortMappings(list);
}

function toHealthState(status: string | undefined): HealthState | null {
  return status === 'healthy' || status === 'unhealthy' || status === 'starting' ? status : null;
}

/** The contract's mount name: the volume's name for volumes, the host path for binds. */
function mountName(m: RawMount): { name?: string } {
  if (m.Type === 'volume' && m.Name) return { name: m.Name };
  if (m.Type === 'bind' && m.Source) return { name: m.Source };
  return {};
}

export function toContainerDetails(raw: RawContainerInspect): ContainerDetails {
  const config = raw.Config ?? {};
  const state = raw.State ?? {};
  const host = raw.HostConfig ?? {};
  const labels = config.Labels ?? {};
  const healthStatus = toHealthState(state.Health?.Status);
  const lastLog = state.Health?.Log?.at(-1);
  const created = raw.Created ? Math.floor(Date.parse(raw.Created) / 1000) : 0;
  const stateName = toContainerState(state.Status);
  const live = stateName === 'running' || stateName === 'paused';
  const ended = stateName === 'exited' || stateName === 'restarting';
  return {
    summary: {
      id: raw.Id,
      name: (raw.Name ?? '').replace(/^\//, '') || raw.Id.slice(0, 12),
      image: familiarImage(config.Image ?? raw.Image ?? ''),
      imageId: raw.Image ?? '',
      command: [raw.Path ?? '', ...(raw.Args ?? [])].filter((s) => s !== '').join(' '),
      created: Number.isFinite(created) ? created : 0,
      state: stateName,
      health: healthStatus,
      startedAt: live ? engineMs(state.StartedAt) : null,
      finishedAt: ended ? engineMs(state.FinishedAt) : null,
      exitCode: ended && typeof state.ExitCode === 'number' ? state.ExitCode : null,
      ports: inspectPorts(raw),
      labels,
      composeProject: labels[COMPOSE_PROJECT] ?? null,
      composeService: labels[COMPOSE_SERVICE] ?? null,
    },
    entrypoint: asArray(config.Entrypoint),
    cmd: asArray(config.Cmd),
    env: config.Env ?? [],
    workingDir: config.WorkingDir ?? '',
    user: config.User ?? '',
    tty: config.Tty ?? false,
    startedAt: engineTime(state.StartedAt),
    finishedAt: engineTime(state.FinishedAt),
    exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : null,
    oomKilled: state.OOMKilled ?? false,
    restartPolicy: {
      name: host.RestartPolicy?.Name || 'no',
      maximumRetryCount: host.RestartPolicy?.MaximumRetryCount ?? 0,
    },
    restartCount: raw.RestartCount ?? 0,
    cpus: host.NanoCpus ? host.NanoCpus / 1e9 : null,
    cpuShares: host.CpuShares ? host.CpuShares : null,
    memoryBytes: host.Memory ? host.Memory : null,
    mounts: (raw.Mounts ?? []).map((m) => ({
      type: m.Type ?? 'bind',
      ...mountName(m),
      source: m.Source ?? '',
      destination: m.Destination ?? '',
      readOnly: m.RW === false,
    })),
    networks: Object.entries(raw.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
      name,
      ipAddress: n.IPAddress ?? '',
      ipv6Address: n.GlobalIPv6Address ?? '',
      gateway: n.Gateway ?? '',
      macAddress: n.MacAddress ?? '',
      aliases: n.Aliases ?? [],
    })),
    health: healthStatus
      ? { status: healthStatus, failingStreak: state.Health?.FailingStreak ?? 0, lastOutput: lastLog?.Output ?? null }
      : null,
    raw: raw as unknown as Record<string, unknown>,
  };
}
