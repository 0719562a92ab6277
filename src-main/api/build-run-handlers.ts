import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { buildRunCalls, buildRunStreams } from '../../src-common/contract/build-run';
import type { Engine } from '../engine/index';
import type { AppHost } from './app-host';

export function createBuildRunHandlers(
  _engine: Engine,
  _host: AppHost,
): FeatureHandlers<typeof buildRunCalls, typeof buildRunStreams> {
  return { calls: {}, streams: {} };
}
