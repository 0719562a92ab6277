import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { terminalCalls, terminalStreams } from '../../src-common/contract/terminal';
import type { Engine } from '../engine/index';
import type { AppHost } from './app-host';

export function createTerminalHandlers(
  _engine: Engine,
  _host: AppHost,
): FeatureHandlers<typeof terminalCalls, typeof terminalStreams> {
  return { calls: {}, streams: {} };
}
