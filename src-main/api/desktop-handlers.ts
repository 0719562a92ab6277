import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { desktopCalls, desktopStreams } from '../../src-common/contract/desktop';
import type { Engine } from '../engine/index';
import type { AppHost } from './app-host';

export function createDesktopHandlers(
  _engine: Engine,
  _host: AppHost,
): FeatureHandlers<typeof desktopCalls, typeof desktopStreams> {
  return { calls: {}, streams: {} };
}
