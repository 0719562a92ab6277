import type { ApiErrorShape } from '../../../src-common/contract/errors';
import type { LogChunk, LogSource, LogTail, LogTarget } from '../../../src-common/models/logs';
import { encodeLogLines } from '../../../src-common/logs-codec';
import type { DockerClient } from '../connection/docker-client';
import type { EventsHub } from '../connection/events-hub';
import type { LineBatch, LineBatcherOptions } from './logs-batcher';
import { containerLogDownload, type LogDownload } from './logs-download';
import { followContainerLogs, type ContainerLogFollower } from './logs-follower';

export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';

export interface LogsServiceDeps {
  requireClient: () => DockerClient;
  events: Pick<EventsHub, 'subscribe'>;
  batching?: Pick<LineBatcherOptions, 'maxBytes' | 'maxDelayMs'>;
  /** The connected engine's API version ("1.41"), if known. */
  apiVersion?: () => string | undefined;
}

/** Where a log stream goes; `end(null)` is a normal end (the container was removed). */
export interface LogSink {
  next(chunk: LogChunk): void;
  end(error: ApiErrorShape | null): void;
}

export interface LogFollow {
  cancel(): void;
  /** Flow control: stop and restart reading from the engine. */
  pause(): void;
  resume(): void;
}

export interface LogFollowOptions {
  /** The view's line limit: history beyond it is counted, not sent (logs-follower.ts). */
  keep?: number;
}

/**
 * Counting the history the view does not keep needs the logs endpoint's `until` (API
 * 1.35, Docker 17.12). An older engine would ignore it and the count would include the
 * kept lines, so there the whole tail is sent and the view drops what it cannot keep.
 * An unknown version is taken as current.
 */
export function logsTakeUntil(apiVersion: string | undefined): boolean {
  const m = /^(\d+)\.(\d+)/.exec(apiVersion ?? '');
  return !m || Number(m[1]) > 1 || (Number(m[1]) === 1 && Number(m[2]) >= 35);
}

export interface LogsService {
  follow(target: LogTarget, tail: LogTail, sink: LogSink, options?: LogFollowOptions): LogFollow;
  download(id: string, options: { timestamps: boolean }): Promise<LogDownload>;
}

const linesChunk = (container: string, batch: LineBatch): LogChunk =>
  encodeLogLines({ container, count: batch.count, stderr: batch.stderr, continued: batch.continued, text: batch.text });

export function createLogsService(deps: LogsServiceDeps): LogsService {
  const followOne = (
    id: string,
    tail: LogTail,
    onSource: (s: LogSource) => void,
    sink: LogSink,
    onEnd: (error: ApiErrorShape | null) => void,
    { keep }: LogFollowOptions,
  ) =>
    followContainerLogs({
      requireClient: deps.requireClient,
      events: deps.events,
      id,
      tail,
      onSource,
      onBatch: (container, batch) => sink.next(linesChunk(container, batch)),
      onSkipped: (container, count) => sink.next({ kind: 'skipped', container, count }),
      ...(keep !== undefined && logsTakeUntil(deps.apiVersion?.()) ? { keep } : {}),
      onEnd,
      ...(deps.batching ? { batching: deps.batching } : {}),
    });

  function followContainer(id: string, tail: LogTail, sink: LogSink, options: LogFollowOptions): LogFollow {
    return followOne(
      id,
      tail,
      (s) => sink.next({ kind: 'sources', sources: [s] }),
      sink,
      (error) => sink.end(error),
      options,
    );
  }

  /**
   * Every container of a compose project, each followed on its own; containers created
   * in the project later join (their `create` event carries the project label). The
   * stream itself ends only when cancelled.
   */
  function followProject(project: string, tail: LogTail, sink: LogSink, options: LogFollowOptions): LogFollow {
    const members = new Map<string, { follower: ContainerLogFollower | null; source: LogSource | null }>();
    let cancelled = false;
    let paused = false;
    const sendSources = () => {
      const sources = [...members.values()].flatMap((m) => (m.source ? [m.source] : []));
      sink.next({ kind: 'sources', sources });
    };
    const add = (id: string, memberTail: LogTail) => {
      if (cancelled || members.has(id)) return;
      const member: { follower: ContainerLogFollower | null; source: LogSource | null } = { follower: null, source: null };
      members.set(id, member);
      member.follower = followOne(
        id,
        memberTail,
        (s) => {
          member.source = s;
          sendSources();
        },
        sink,
        (error) => {
          // A removed member stays listed as removed; one whose log cannot be read is dropped.
          if (error) members.delete(id);
          member.follower = null;
          sendSources();
        },
        options,
      );
      if (paused) member.follower.pause();
    };
    const unsubscribe = deps.events.subscribe({
      onEvent(e) {
        if (e.type === 'container' && e.action === 'create' && e.attributes[COMPOSE_PROJECT_LABEL] === project) {
          add(e.id, 'all');
        }
      },
    });
    void (async () => {
      try {
        const list = await deps.requireClient().listContainers({ label: [`${COMPOSE_PROJECT_LABEL}=${project}`] });
        if (list.length === 0) sendSources();
        for (const c of list) add(c.Id, tail);
      } catch (err) {
        if (!cancelled) sink.end({ code: 'internal', message: String(err), ...asShape(err) });
      }
    })();
    return {
      cancel() {
        cancelled = true;
        unsubscribe();
        for (const m of members.values()) m.follower?.cancel();
        members.clear();
      },
      pause() {
        paused = true;
        for (const m of members.values()) m.follower?.pause();
      },
      resume() {
        paused = false;
        for (const m of members.values()) m.follower?.resume();
      },
    };
  }

  return {
    follow: (target, tail, sink, options = {}) =>
      target.kind === 'container'
        ? followContainer(target.id, tail, sink, options)
        : followProject(target.project, tail, sink, options),
    download: (id, options) => containerLogDownload(deps.requireClient(), id, options),
  };
}

const asShape = (err: unknown): Partial<ApiErrorShape> => {
  const e = err as { toShape?: () => ApiErrorShape };
  return typeof e?.toShape === 'function' ? e.toShape() : {};
};
