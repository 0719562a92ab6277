import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { registryCalls, registryStreams } from '../../src-common/contract/registries';
import type { Engine } from '../engine/index';
import type { AppHost } from './app-host';

export function createRegistryHandlers(
  _engine: Engine,
  _host: AppHost,
): FeatureHandlers<typeof registryCalls, typeof registryStreams> {
  return { calls: {}, streams: {} };
}
