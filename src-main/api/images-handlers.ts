import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { imageCalls, imageStreams } from '../../src-common/contract/images';
import type { Engine } from '../engine/index';
import { createImagesService } from '../engine/images/images-service';
import { createImagesWatcher } from '../engine/images/images-watcher';
import { createLayerIndex } from '../engine/images/layers-index';
import type { AppHost } from './app-host';

const PICK_TAR_TITLE = 'Load images from a .tar file';

/** A .tar file name for saved images: "nginx_1.27.tar", "images.tar" for several. */
export function saveFilename(refs: readonly string[]): string {
  if (refs.length !== 1) return 'images.tar';
  const base = refs[0]!.replace(/^sha256:/, '').slice(0, 64).replace(/[^A-Za-z0-9_.-]+/g, '_');
  return `${base || 'image'}.tar`;
}

export function createImageHandlers(engine: Engine, host: AppHost): FeatureHandlers<typeof imageCalls, typeof imageStreams> {
  const getClient = () => {
    try {
      return engine.requireClient();
    } catch {
      return null;
    }
  };
  const layers = createLayerIndex();
  const watcher = createImagesWatcher({
    events: engine.events,
    containers: engine.watcher,
    getClient,
    onDeleted: (id) => layers.forget(id),
  });
  const nameOf = (id: string) => engine.watcher.current()?.find((c) => c.id === id || c.name === id)?.name;
  const images = createImagesService({
    requireClient: () => engine.requireClient(),
    layers,
    liveImages: () => watcher.current(),
    containerName: nameOf,
  });
  return {
    calls: {
      'images.list': () => images.list(),
      'images.inspect': ({ id }) => images.inspect(id),
      'images.layers': ({ id }) => images.layers(id),
      'images.family': () => images.family(),
      'images.remove': ({ id, tag, force }) => images.remove(id, tag, force),
      'images.tag': async ({ id, target }) => (await images.tag(id, target), null),
      'images.prunePreview': ({ mode, labels }) => images.prunePreview(mode, labels),
      'images.prune': ({ mode, labels }) => images.prune(mode, labels),
      'images.save': ({ refs }) =>
        host.offerDownload({
          filename: saveFilename(refs),
          contentType: 'application/x-tar',
          open: (signal) => images.saveStream(refs, signal),
        }),
      'images.load': ({ path }, caller) => {
        host.pickedPaths?.requirePicked(caller, 'file', path, 'file');
        return images.load(path);
      },
      'images.pickTarFile': async (_request, caller) => {
        if (!host.pickFile) return null;
        const picked = await host.pickFile(PICK_TAR_TITLE, [{ name: 'Image archives', extensions: ['tar'] }]);
        if (picked) host.pickedPaths?.remember(caller, 'file', picked);
        return picked;
      },
      'containers.writableLayerSize': ({ id }) => images.writableLayerSize(id),
      'containers.changedPaths': ({ id }) => images.changedPaths(id),
    },
    streams: {
      'images.changes': (_args, sink) => watcher.subscribe((change) => sink.next(change)),
    },
  };
}
