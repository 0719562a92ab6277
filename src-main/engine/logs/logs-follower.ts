import { ApiError, type ApiErrorShape } from '../../../src-common/contract/errors';
import type { LogSource, LogSourceState, LogTail } from '../../../src-common/models/logs';
import { containerLabel, type DockerClient } from '../connection/docker-client';
import type { RawContainerInspect } from '../connection/engine-types';
import type { EventsHub } from '../connection/events-hub';
import { createFrameDemuxer } from './log-frames';
import { countLogHistory, logTimestampsSplitSeconds } from './log-history-count';
import { createLineBatcher, type LineBatch, type LineBatcherOptions } from './logs-batcher';
import { createLogReopenPoint } from './log-reopen-point';
import { untilBeforeLine } from './logs-time';

export interface ContainerLogFollowerOptions {
  requireClient: () => DockerClient;
  events: Pick<EventsHub, 'subscribe'>;
  /** Id, name or id prefix. */
  id: string;
  tail: LogTail;
  onSource: (source: LogSource) => void;
  onBatch: (containerId: string, batch: LineBatch) => void;
  /**
   * The view keeps at most this many lines. When the tail asks for more, only the newest
   * `keep` are asked for (and sent at once); the older lines the tail covers are counted
   * by a second request (log-history-count.ts) and reported through onSkipped. Only for
   * engines whose logs endpoint takes `until` (API 1.35+).
   */
  keep?: number;
  /** Lines of the history the tail covers but that were not sent (older than the newest `keep`). */
  onSkipped?: (containerId: string, count: number) => void;
  /** The follower is done: the container was removed (null) or its log cannot be read. */
  onEnd: (error: ApiErrorShape | null) => void;
  batching?: Pick<LineBatcherOptions, 'maxBytes' | 'maxDelayMs'>;
}

export interface ContainerLogFollower {
  cancel(): void;
  /** Flow control: stop reading the engine's stream until resume(). */
  pause(): void;
  resume(): void;
}

/** Empty streams of a running container in a row before we stop reopening and wait for an event. */
const MAX_EMPTY_REOPENS = 3;

const errorShape = (err: unknown): ApiErrorShape =>
  err instanceof ApiError ? err.toShape() : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
const codeOf = (err: unknown) => (err instanceof ApiError ? err.code : undefined);

/**
 * Follows one container's log across stops and starts. The log stream ends when the
 * container stops; then the container is inspected: running again (a restart) means the
 * stream is reopened at once, stopped means we wait for its `start` event. A reopened
 * stream asks for lines after the last timestamp seen (`since` is inclusive, so one
 * nanosecond later): nothing is shown twice and nothing is lost. `destroy` ends it.
 */
export function followContainerLogs(options: ContainerLogFollowerOptions): ContainerLogFollower {
  const { requireClient, tail } = options;
  let fullId = options.id;
  let source: LogSource | null = null;
  let cancelled = false;
  let finished = false;
  let destroyed = false;
  let streaming = false;
  let waiting = false;
  let paused = false;
  /** Where a reopened stream continues: after the last line sent. */
  const reopenPoint = createLogReopenPoint();
  let firstOpen = true;
  let emptyStreams = 0;
  let abort: AbortController | null = null;
  let current: (NodeJS.ReadableStream & { destroy?: () => void }) | null = null;
  const keep = options.keep;
  /** The tail reaches further back than the view keeps: ask for `keep` lines, count the rest. */
  let countsOlder = keep !== undefined && (tail === 'all' || tail > keep);
  let historyCount: { cancel(): void } | null = null;

  const setSource = (next: Partial<LogSource>) => {
    if (!source) return;
    const updated = { ...source, ...next };
    if (updated.state === source.state && updated.name === source.name) return;
    source = updated;
    options.onSource(source);
  };

  const finish = (error: ApiErrorShape | null) => {
    if (finished || cancelled) return;
    finished = true;
    if (error === null) setSource({ state: 'removed' });
    cleanup();
    options.onEnd(error);
  };

  const cleanup = () => {
    unsubscribe();
    abort?.abort();
    abort = null;
    current?.destroy?.();
    current = null;
    historyCount?.cancel();
    historyCount = null;
  };

  const inspect = () => requireClient().inspectContainer({ id: fullId });
  /** How error messages name the container: by name once inspect has told it. */
  const label = () => containerLabel({ id: fullId, ...(source ? { name: source.name } : {}) });

  const unsubscribe = options.events.subscribe({
    onEvent(e) {
      if (e.type !== 'container' || (e.id !== fullId && !(source === null && e.id.startsWith(fullId)))) return;
      if (e.action === 'start' && waiting) void open();
      else if (e.action === 'destroy') {
        destroyed = true;
        if (!streaming) finish(null);
      } else if (e.action === 'rename' && e.attributes.name) setSource({ name: e.attributes.name.replace(/^\//, '') });
    },
    onResync() {
      // Events may have been missed while the engine was away.
      if (waiting) void afterStream(null);
    },
  });

  async function begin() {
    let raw: RawContainerInspect;
    try {
      raw = await inspect();
    } catch (err) {
      finish(errorShape(err));
      return;
    }
    if (cancelled) return;
    fullId = raw.Id;
    source = {
      id: raw.Id,
      name: (raw.Name ?? raw.Id.slice(0, 12)).replace(/^\//, ''),
      tty: raw.Config?.Tty === true,
      state: stateOf(raw),
    };
    options.onSource(source);
    // Counting needs timestamps finer than seconds (log-history-count.ts); without them
    // the whole tail is asked for and the view drops what it cannot keep.
    if (countsOlder && !(await logTimestampsSplitSeconds(requireClient(), fullId, source.tty))) countsOlder = false;
    if (cancelled) return;
    await open();
  }

  /** The first line the view gets is known: count the ones before it that the tail covers. */
  function countOlderThan(batch: LineBatch) {
    const until = untilBeforeLine(new TextDecoder().decode(batch.text.subarray(0, 64)));
    if (until === null || cancelled || finished) return;
    historyCount = countLogHistory({
      client: requireClient(),
      id: fullId,
      object: label(),
      tty: source?.tty ?? false,
      until,
      tail,
      onCount: (lines) => !cancelled && !finished && options.onSkipped?.(fullId, lines),
    });
  }

  /** Opens the log stream, following. */
  async function open() {
    if (cancelled || finished || streaming) return;
    streaming = true;
    waiting = false;
    const query: Record<string, string | number> = { stdout: 1, stderr: 1, timestamps: 1, follow: 1 };
    const since = reopenPoint.since();
    if (since !== null) query.since = since;
    query.tail = firstOpen ? String(countsOlder ? keep : tail) : 'all';
    let countBeforeFirstBatch = firstOpen && countsOlder;
    const wasFirst = firstOpen;
    firstOpen = false;
    const controller = new AbortController();
    abort = controller;
    let stream: NodeJS.ReadableStream & { destroy?: () => void };
    try {
      stream = await requireClient().streamGet({
        path: `/containers/${encodeURIComponent(fullId)}/logs`,
        query,
        signal: controller.signal,
        action: 'read the logs of',
        object: label(),
      });
    } catch (err) {
      streaming = false;
      if (cancelled || finished) return;
      if (codeOf(err) === 'not-found') finish(null);
      else if (codeOf(err) === 'engine-unreachable' && !wasFirst) waiting = true;
      else finish(errorShape(err));
      return;
    }
    if (cancelled || finished) {
      stream.destroy?.();
      return;
    }
    current = stream;
    if (paused) stream.pause();
    if (source?.state !== 'running') {
      // Opened because it started (or to read a stopped container's log): say so only if running.
      void inspect().then(
        (raw) => !cancelled && stateOf(raw) === 'running' && setSource({ state: 'running' }),
        () => {},
      );
    }
    let sawBytes = false;
    const batcher = createLineBatcher({
      ...options.batching,
      onBatch: (batch) => {
        reopenPoint.note(batch);
        if (cancelled || finished) return;
        if (countBeforeFirstBatch) {
          countBeforeFirstBatch = false;
          countOlderThan(batch);
        }
        options.onBatch(fullId, batch);
      },
    });
    const demuxer = createFrameDemuxer(
      reopenPoint.skipShown((s, bytes) => batcher.push(s, bytes)),
      { raw: source?.tty ?? false },
    );
    let ended = false;
    const onEnd = () => {
      if (ended) return;
      ended = true;
      demuxer.end();
      batcher.end();
      if (current === stream) current = null;
      streaming = false;
      void afterStream(sawBytes);
    };
    stream.on('data', (chunk: Buffer) => {
      if (chunk.length > 0) sawBytes = true;
      demuxer.push(chunk);
    });
    stream.on('end', onEnd);
    stream.on('close', onEnd);
    stream.on('error', onEnd);
  }

  /**
   * The stream ended (sawBytes says whether it brought anything), or events were
   * resynced while waiting (null): follow again, wait, or finish.
   */
  async function afterStream(sawBytes: boolean | null) {
    if (cancelled || finished) return;
    if (destroyed) return finish(null);
    let raw: RawContainerInspect;
    try {
      raw = await inspect();
    } catch (err) {
      if (codeOf(err) === 'not-found') finish(null);
      else waiting = true; // the engine is away: onResync brings us back
      return;
    }
    if (cancelled || finished || streaming) return;
    const state = stateOf(raw);
    if (sawBytes !== null) emptyStreams = sawBytes ? 0 : emptyStreams + 1;
    if (state === 'running' && emptyStreams < MAX_EMPTY_REOPENS) {
      await open();
      return;
    }
    setSource({ state });
    waiting = true;
  }

  void begin();

  return {
    cancel() {
      if (cancelled) return;
      cancelled = true;
      cleanup();
    },
    pause() {
      paused = true;
      current?.pause();
    },
    resume() {
      paused = false;
      current?.resume();
    },
  };
}

function stateOf(raw: RawContainerInspect): LogSourceState {
  // A paused container's log stream stays open: it still counts as running here.
  const status = raw.State?.Status;
  return status === 'running' || status === 'paused' ? 'running' : 'stopped';
}
