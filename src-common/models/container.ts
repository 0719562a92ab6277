import { z } from 'zod';
import { ApiErrorShape } from '../contract/errors';

export const ContainerId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'a container id or name');

export const ContainerState = z.enum(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);
export type ContainerState = z.infer<typeof ContainerState>;

export const HealthState = z.enum(['starting', 'healthy', 'unhealthy']);
export type HealthState = z.infer<typeof HealthState>;

export const PortMapping = z.object({
  /** Host address the port is published on; absent when not published. */
  ip: z.string().optional(),
  privatePort: z.number().int(),
  publicPort: z.number().int().optional(),
  type: z.enum(['tcp', 'udp', 'sctp']),
});
export type PortMapping = z.infer<typeof PortMapping>;

/** One row of the containers table: what `GET /containers/json?all=1` says of a container. */
export const ContainerSummary = z.object({
  id: z.string(),
  /** Primary name without the leading slash. */
  name: z.string(),
  /** Image as the user would write it (familiar form), or the image id when untagged. */
  image: z.string(),
  imageId: z.string(),
  command: z.string(),
  /** Unix seconds. */
  created: z.number(),
  state: ContainerState,
  /**
   * The engine's status text when the container was last fetched, e.g. "Up 3 minutes
   * (healthy)". Stale a moment later: show statusText() of src-common/container-status.ts,
   * computed from the times below, instead.
   */
  status: z.string(),
  health: HealthState.nullable(),
  /**
   * Unix ms when the current run started (running and paused containers), else null. From
   * the list's status text this is exact to its wording (a second while seconds are
   * counted, a minute under an hour); from an inspect it is the engine's StartedAt.
   */
  startedAt: z.number().nullable(),
  /** Unix ms when the last run ended (exited and restarting containers), else null. */
  finishedAt: z.number().nullable(),
  /** The last run's exit code (exited and restarting containers), else null. */
  exitCode: z.number().int().nullable(),
  ports: z.array(PortMapping),
  labels: z.record(z.string(), z.string()),
  /** com.docker.compose.project and .service, when the container belongs to a compose project. */
  composeProject: z.string().nullable(),
  composeService: z.string().nullable(),
  /**
   * Names of the volumes it mounts (named and anonymous; binds and tmpfs are not volumes),
   * from the list's `Mounts`: what "used by" on the volumes page is counted from.
   * Absent where an engine's list leaves mounts out.
   */
  volumes: z.array(z.string()).optional(),
});
export type ContainerSummary = z.infer<typeof ContainerSummary>;

export const MountInfo = z.object({
  type: z.string(),
  /** Volume name for volumes; host path for binds. */
  name: z.string().optional(),
  source: z.string(),
  destination: z.string(),
  readOnly: z.boolean(),
});

export const NetworkAttachment = z.object({
  name: z.string(),
  ipAddress: z.string(),
  ipv6Address: z.string(),
  gateway: z.string(),
  macAddress: z.string(),
  aliases: z.array(z.string()),
});

/** The overview of one container, from inspect, plus the raw inspect JSON. */
export const ContainerDetails = z.object({
  summary: ContainerSummary.omit({ status: true, ports: true }).extend({
    ports: z.array(PortMapping),
  }),
  entrypoint: z.array(z.string()),
  cmd: z.array(z.string()),
  env: z.array(z.string()),
  workingDir: z.string(),
  user: z.string(),
  tty: z.boolean(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  oomKilled: z.boolean(),
  restartPolicy: z.object({ name: z.string(), maximumRetryCount: z.number().int() }),
  restartCount: z.number().int(),
  /** NanoCPUs as CPUs (e.g. 1.5), or null when unlimited. */
  cpus: z.number().nullable(),
  cpuShares: z.number().int().nullable(),
  /** Bytes, or null when unlimited. */
  memoryBytes: z.number().nullable(),
  mounts: z.array(MountInfo),
  networks: z.array(NetworkAttachment),
  health: z
    .object({
      status: HealthState,
      failingStreak: z.number().int(),
      lastOutput: z.string().nullable(),
    })
    .nullable(),
  /** The engine's inspect response as it came. */
  raw: z.record(z.string(), z.unknown()),
});
export type ContainerDetails = z.infer<typeof ContainerDetails>;

/** Changes to the live container list, as the events hub sees them. */
export const ContainerChange = z.discriminatedUnion('kind', [
  /** The whole list: sent first, and again after every reconnect of the events stream. */
  z.object({ kind: z.literal('snapshot'), containers: z.array(ContainerSummary) }),
  z.object({ kind: z.literal('upsert'), container: ContainerSummary }),
  z.object({ kind: z.literal('remove'), id: z.string() }),
  /** The list could not be loaded (the engine is there but answered badly): why, and when it tries again. */
  z.object({ kind: z.literal('failed'), error: ApiErrorShape, retryInMs: z.number().int().nonnegative() }),
]);
export type ContainerChange = z.infer<typeof ContainerChange>;
