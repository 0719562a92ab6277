/**
 * How long Berth waits for the engine, per kind of call. Every call has a deadline: an
 * engine that hangs must turn into an error a person can read, never a page that says
 * "Loading…" forever. Streams (logs, events, pull, push, build progress) have a deadline
 * for their headers only; after that they stream and end when cancelled.
 */
export const deadlines = {
  /** Reads and quick actions: list, inspect, version, info, start, pause, kill, tag… */
  defaultMs: 15_000,
  /** Ping and version while connecting: how long before the engine counts as not answering. */
  connectMs: 5_000,
  /** Headers of a stream (logs, events, pull, push, build, save). */
  streamHeadersMs: 15_000,
  /** Stop and restart: the engine waits the stop timeout before it kills; this is on top. */
  stopMarginMs: 15_000,
  /** Stop or restart without a timeout: the container's own StopTimeout applies, unknown here. */
  stopUnknownMs: 180_000,
  /** Removing a container or an image, committing, a diff of a big writable layer, sizes. */
  slowMs: 120_000,
  /** Prune: the engine walks and deletes everything unused before it answers. */
  pruneMs: 600_000,
  /** Log in and search: the engine talks to a registry first. */
  registryMs: 60_000,
} as const;

/** Stop's deadline for a stop timeout in seconds (or the container's own when absent). */
export const stopDeadlineMs = (timeoutSeconds: number | undefined): number =>
  timeoutSeconds === undefined ? deadlines.stopUnknownMs : timeoutSeconds * 1000 + deadlines.stopMarginMs;
