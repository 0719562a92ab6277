import type { LogTail } from '../../../src-common/models/logs';
import type { DockerClient } from '../connection/docker-client';
import { createFrameDemuxer } from './log-frames';
import { lineTimestampHasFraction } from './logs-time';

export interface LogHistoryCountOptions {
  client: DockerClient;
  /** The container's full id, and how error messages name it. */
  id: string;
  object: string;
  /** The container has a TTY: its log is raw bytes, not frames. */
  tty: boolean;
  /** Count the lines up to this engine time (seconds.nanoseconds, inclusive). */
  until: string;
  /** The tail the view asked for: the count covers the same lines of the log. */
  tail: LogTail;
  /** New lines counted since the last call; called at most every `reportMs`, and at the end. */
  onCount: (lines: number) => void;
  reportMs?: number;
}

const NEWLINE = 0x0a;

/**
 * Counts the lines of a log that the view will not get, without sending them anywhere.
 * A view keeping the newest N lines asks the engine for `tail=N` (fast: the engine reads
 * its log file from the end) and shows them at once; the older lines are only counted
 * here, in a second request that stops right before the first line the view has.
 *
 * The count request asks for no timestamps and is never decoded into lines: the engine
 * has less to format and send (a third fewer bytes on 100-byte lines) and main only
 * scans payloads for newlines. With the same `tail` as the view's request, a numeric tail
 * counts the part of those N lines that fell outside the view.
 */
export function countLogHistory(options: LogHistoryCountOptions): { cancel(): void } {
  const reportMs = options.reportMs ?? 100;
  const controller = new AbortController();
  let counted = 0;
  let unfinishedLine = false;
  let reportedAt = Date.now();
  let done = false;

  const report = () => {
    reportedAt = Date.now();
    if (counted === 0 || controller.signal.aborted) return;
    const n = counted;
    counted = 0;
    options.onCount(n);
  };

  const demuxer = createFrameDemuxer(
    (_stream, bytes) => {
      for (let nl = bytes.indexOf(NEWLINE); nl >= 0; nl = bytes.indexOf(NEWLINE, nl + 1)) counted++;
      unfinishedLine = bytes[bytes.length - 1] !== NEWLINE;
    },
    { raw: options.tty },
  );

  void (async () => {
    let stream: NodeJS.ReadableStream;
    try {
      // Straight off the socket: this is the one request that reads the whole history.
      stream = await options.client.streamGet({
        path: `/containers/${encodeURIComponent(options.id)}/logs`,
        query: { stdout: 1, stderr: 1, until: options.until, tail: String(options.tail) },
        signal: controller.signal,
        action: 'read the logs of',
        object: options.object,
      });
    } catch {
      // No count, then: the view still has its lines; the container may have just gone.
      return;
    }
    const finish = () => {
      if (done) return;
      done = true;
      demuxer.end();
      // A last line without its newline is still a line, as the view counts it.
      if (unfinishedLine) counted++;
      report();
    };
    stream.on('data', (chunk: Buffer) => {
      demuxer.push(chunk);
      if (Date.now() - reportedAt >= reportMs) report();
    });
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', finish);
  })();

  return {
    cancel: () => controller.abort(),
  };
}

/**
 * Whether this container's log timestamps are fine enough for the count above, asked with
 * the newest line only (`tail=1`, read from the end of the log file). `until` = first kept
 * line − 1 ns stops right before that line only if the timestamps tell lines of the same
 * second apart. Podman 4.3's Docker-compatible endpoint prints whole seconds
 * ("…T12:59:55Z"), so `until` = 12:59:54.999999999 would count none of the older lines
 * written in that second (all of them, for a fast writer): there the follower asks for the
 * whole tail and the view drops what it cannot keep, as for an engine without `until`.
 * True for an empty log (nothing older to count) or when the probe fails (the follow
 * request reports its own errors).
 *
 * The format is the engine's, not the container's: once a line has told, the answer is
 * kept for that client (a new connection gets a new client), so only the first view
 * opened on an engine pays the extra round trip.
 */
export async function logTimestampsSplitSeconds(client: DockerClient, id: string, tty: boolean): Promise<boolean> {
  const known = splitsSecondsByClient.get(client);
  if (known !== undefined) return known;
  const controller = new AbortController();
  let head = '';
  const demuxer = createFrameDemuxer(
    (_stream, bytes) => {
      if (head.length < 64) head += new TextDecoder().decode(bytes.subarray(0, 64));
    },
    { raw: tty },
  );
  try {
    const stream = await client.streamGet({
      path: `/containers/${encodeURIComponent(id)}/logs`,
      query: { stdout: 1, stderr: 1, timestamps: 1, tail: '1' },
      signal: controller.signal,
      action: 'read the logs of',
      object: id,
    });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      demuxer.push(chunk);
      if (head.length >= 40) break;
    }
    demuxer.end();
  } catch {
    return true;
  } finally {
    controller.abort();
  }
  const splits = lineTimestampHasFraction(head);
  if (splits === null) return true;
  splitsSecondsByClient.set(client, splits);
  return splits;
}

const splitsSecondsByClient = new WeakMap<DockerClient, boolean>();
