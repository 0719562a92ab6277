import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { imageCalls, imageStreams } from '../../src-common/contract/images';
import type { Engine } from '../engine/index';
import type { AppHost } from './app-host';

export function createImageHandlers(
  _engine: Engine,
  _host: AppHost,
): FeatureHandlers<typeof imageCalls, typeof imageStreams> {
  return { calls: {}, streams: {} };
}
