import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiError } from '../../src-common/contract/errors';
import type { fileCalls, fileStreams } from '../../src-common/contract/files';
import { TEXT_PREVIEW_MAX_BYTES } from '../../src-common/contract/files';
import type { FeatureHandlers } from '../../src-common/contract/handlers';
import { uploadPathProblem, type FileTarget, type UploadResult } from '../../src-common/models/files';
import type { Engine } from '../engine/index';
import { extractArchiveBody, extractArchiveFile } from '../engine/files/archive-upload';
import { fileMessages } from '../engine/files/files-messages';
import type { FilesService, FilesTarget } from '../engine/files/files-service';
import { HELPER_MOUNT, type VolumeHelpers } from '../engine/volumes/volume-helpers';
import type { AppHost } from './app-host';
import { toErrorShape } from './dispatch';

export interface FileHandlerDeps {
  engine: Engine;
  host: AppHost;
  helpers: VolumeHelpers;
  files: FilesService;
}

export function createFileHandlers(deps: FileHandlerDeps): FeatureHandlers<typeof fileCalls, typeof fileStreams> {
  const { engine, host, helpers, files } = deps;

  /** Which container's archive API serves a target, and what messages call it. */
  function resolve(target: FileTarget): FilesTarget {
    if (target.kind === 'volume') {
      const session = helpers.resolve(target.session);
      if (!session) throw new ApiError('not-found', fileMessages.unknownSession);
      return { containerId: session.containerId, object: `volume ${session.volume}`, root: HELPER_MOUNT, rootName: session.volume };
    }
    const name = engine.watcher.current()?.find((c) => c.id === target.id || c.name === target.id)?.name ?? target.id.slice(0, 12);
    return { containerId: target.id, object: `container ${name}`, root: '', rootName: name };
  }

  /** Electron: the picked files, each under its own name, in one tar. */
  async function uploadPicked(t: FilesTarget, folder: string, paths: readonly string[]): Promise<UploadResult> {
    const failed: UploadResult['failed'] = [];
    const sources = [];
    for (const path of paths) {
      const name = basename(path);
      const problem = uploadPathProblem(name);
      const info = problem ? null : await stat(path).catch(() => null);
      if (problem || !info?.isFile()) {
        failed.push({ path: name, message: problem ?? fileMessages.notATar('not a regular file') });
        continue;
      }
      sources.push({ path: name, size: info.size, mode: info.mode & 0o777, mtime: info.mtime, open: () => createReadStream(path) });
    }
    if (sources.length > 0) await files.upload(t, folder, sources);
    return { uploaded: sources.map((s) => ({ path: `${folder === '/' ? '' : folder}/${s.path}`, size: s.size })), failed };
  }

  return {
    calls: {
      'files.stat': ({ target, path }) => files.stat(resolve(target), path),
      'files.readText': ({ target, path, maxBytes }) => files.readText(resolve(target), path, maxBytes ?? TEXT_PREVIEW_MAX_BYTES),
      'files.download': async ({ target, path }) => host.offerDownload(await files.download(resolve(target), path)),
      'files.uploadOffer': async ({ target, folder, mode, files: announced }) => {
        if (!host.offerUpload) throw new ApiError('invalid-request', fileMessages.uploadsBrowserOnly);
        const t = resolve(target);
        return host.offerUpload({
          files: announced,
          receive: (index, body, size) =>
            mode === 'extract'
              ? extractArchiveBody(files, t, folder, body, size)
              : files.upload(t, folder, [{ path: announced[index]!.path, size, open: () => body }]),
        });
      },
      'files.pickAndUpload': async ({ target, folder, mode }) => {
        if (!host.pickFiles) throw new ApiError('invalid-request', fileMessages.pickBrowserOnly);
        const t = resolve(target);
        const extract = mode === 'extract';
        const picked = await host.pickFiles(
          extract ? 'Extract a .tar into the folder' : 'Upload files',
          extract ? [{ name: 'Tar archives', extensions: ['tar'] }] : undefined,
        );
        if (picked.length === 0) return { kind: 'cancelled' };
        if (!extract) return { kind: 'done', result: await uploadPicked(t, folder, picked) };
        const archive = picked[0]!;
        await extractArchiveFile(files, t, folder, archive);
        const size = (await stat(archive)).size;
        return { kind: 'done', result: { uploaded: [{ path: basename(archive), size }], failed: [] } };
      },
    },
    streams: {
      'files.list': ({ target, path, filter }, sink) => {
        let t: FilesTarget;
        try {
          t = resolve(target);
        } catch (err) {
          sink.end({ reason: 'error', error: toErrorShape(err) });
          return () => undefined;
        }
        return files.list(t, path, {
          stat: (s) => void sink.next({ kind: 'stat', stat: s }),
          entries: (entries) => sink.next({ kind: 'entries', entries }),
          progress: (scannedBytes, scannedEntries) => void sink.next({ kind: 'progress', scannedBytes, scannedEntries }),
          done: ({ complete, total, matched }, entryLimit) => {
            sink.next({ kind: 'done', complete, entryLimit, total, matched });
            sink.end({ reason: 'complete' });
          },
          fail: (err) => sink.end({ reason: 'error', error: toErrorShape(err) }),
          onDrain: (listener) => sink.onDrain(listener),
        }, filter ? { filter } : {});
      },
    },
  };
}
