import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ApiError } from '../../../src-common/contract/errors';
import type { PathStat } from '../../../src-common/models/files';
import type { DockerClient } from '../connection/docker-client';
import { decodePathStat } from './archive-stat';
import { fileMessages } from './files-messages';

/** The container whose archive API is used, and how messages name what the user sees. */
export interface ArchiveTarget {
  containerId: string;
  /** e.g. "container web-1" or "volume pgdata". */
  object: string;
}

const STAT_HEADER = 'x-docker-container-path-stat';
const archivePath = (t: ArchiveTarget) => `/containers/${encodeURIComponent(t.containerId)}/archive`;

function notFound(err: unknown, shownPath: string, t: ArchiveTarget): unknown {
  if (err instanceof ApiError && err.code === 'not-found') return new ApiError('not-found', fileMessages.noSuchPath(shownPath, t.object), t.object);
  return err;
}

/**
 * `GET /containers/{id}/archive?path=`: the path's stat (from the header, before any body
 * is read) and the tar stream. Whoever takes the body reads or destroys it.
 */
export async function openArchive(
  client: DockerClient,
  t: ArchiveTarget,
  enginePath: string,
  shownPath: string,
  signal?: AbortSignal,
): Promise<{ stat: PathStat | null; body: IncomingMessage }> {
  try {
    const body = await client.request<IncomingMessage>({
      method: 'GET',
      path: archivePath(t),
      query: { path: enginePath },
      response: 'stream',
      action: `read ${shownPath} in`,
      object: t.object,
      ...(signal ? { signal } : {}),
    });
    return { stat: decodePathStat(body.headers?.[STAT_HEADER], shownPath), body };
  } catch (err) {
    throw notFound(err, shownPath, t);
  }
}

/** `HEAD /containers/{id}/archive?path=`: the stat alone. */
export async function statArchive(client: DockerClient, t: ArchiveTarget, enginePath: string, shownPath: string): Promise<PathStat> {
  let res: IncomingMessage;
  try {
    res = await client.request<IncomingMessage>({
      method: 'HEAD',
      path: archivePath(t),
      query: { path: enginePath },
      response: 'stream',
      action: `read ${shownPath} in`,
      object: t.object,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw notFound(err, shownPath, t);
  }
  res.resume();
  const stat = decodePathStat(res.headers?.[STAT_HEADER], shownPath);
  if (!stat) throw new ApiError('engine-error', fileMessages.noStat(shownPath, t.object), t.object);
  return stat;
}

/**
 * `PUT /containers/{id}/archive?path=&noOverwriteDirNonDir=1`: unpacks a tar into a folder.
 * The engine refuses to replace a folder by a file or a file by a folder.
 */
export async function putArchive(
  client: DockerClient,
  t: ArchiveTarget,
  enginePath: string,
  shownPath: string,
  tar: Readable,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await client.request({
      method: 'PUT',
      path: archivePath(t),
      query: { path: enginePath, noOverwriteDirNonDir: true },
      upload: tar,
      uploadType: 'application/x-tar',
      // The answer comes when the whole upload has landed, however long a 1 GB file takes:
      // no deadline on the call; the caller's signal ends it when the user goes away.
      timeoutMs: 0,
      action: `write into ${shownPath} in`,
      object: t.object,
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    throw notFound(err, shownPath, t);
  }
}
