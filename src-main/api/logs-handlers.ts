import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { logCalls, logStreams } from '../../src-common/contract/logs';
import type { Engine } from '../engine/index';
import type { AppHost } from './app-host';

export function createLogHandlers(
  _engine: Engine,
  _host: AppHost,
): FeatureHandlers<typeof logCalls, typeof logStreams> {
  return { calls: {}, streams: {} };
}
