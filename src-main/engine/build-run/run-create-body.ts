import type { RunSpec } from '../../../src-common/run-spec';

/** `POST /containers/create`'s body for a checked run spec, as `docker run -d` would send it. */
export interface RunCreateBody {
  Image: string;
  Cmd?: string[];
  Env: string[];
  Labels: Record<string, string>;
  ExposedPorts: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  HostConfig: {
    PortBindings: Record<string, { HostIp: string; HostPort: string }[]>;
    Binds: string[];
    RestartPolicy: { Name: string; MaximumRetryCount: number };
    NanoCpus: number;
    Memory: number;
    AutoRemove: boolean;
    NetworkMode?: string;
  };
  /** Aliases and a fixed address on the chosen network (docker run --network-alias, --ip). */
  NetworkingConfig?: {
    EndpointsConfig: Record<string, { Aliases?: string[]; IPAMConfig?: { IPv4Address: string } }>;
  };
}

/**
 * Pure so it is unit-tested without an engine. Named volumes go in Binds as the CLI's
 * `-v name:/path` does: the engine creates a missing one.
 */
export function runCreateBody(spec: RunSpec): RunCreateBody {
  const exposed: Record<string, Record<string, never>> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of spec.ports) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: p.hostIp, HostPort: p.hostPort });
  }
  return {
    Image: spec.image,
    ...(spec.command ? { Cmd: spec.command } : {}),
    Env: spec.env,
    Labels: spec.labels,
    ExposedPorts: exposed,
    Tty: spec.interactive,
    OpenStdin: spec.interactive,
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    HostConfig: {
      PortBindings: bindings,
      Binds: spec.volumes.map((v) => `${v.source}:${v.target}${v.readOnly ? ':ro' : ''}`),
      RestartPolicy: { Name: spec.restartPolicy.name, MaximumRetryCount: spec.restartPolicy.maximumRetryCount },
      NanoCpus: spec.nanoCpus ?? 0,
      Memory: spec.memoryBytes ?? 0,
      AutoRemove: spec.autoRemove,
      ...(spec.network ? { NetworkMode: spec.network } : {}),
    },
    ...(spec.network && (spec.aliases.length > 0 || spec.ipv4Address)
      ? {
          NetworkingConfig: {
            EndpointsConfig: {
              [spec.network]: {
                ...(spec.aliases.length > 0 ? { Aliases: spec.aliases } : {}),
                ...(spec.ipv4Address ? { IPAMConfig: { IPv4Address: spec.ipv4Address } } : {}),
              },
            },
          },
        }
      : {}),
  };
}
