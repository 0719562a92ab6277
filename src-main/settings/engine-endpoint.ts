import type { EngineChoice, Settings } from '../../src-common/models/settings';
import type { EndpointOverride } from '../engine/connection/endpoint';
import type { SettingsStore } from './settings-store';

/** The engine layer's terms for the endpoint setting; null means the docker CLI's rules. */
export function endpointOverrideFrom(choice: EngineChoice): EndpointOverride | null {
  switch (choice.mode) {
    case 'auto':
      return null;
    case 'context':
      return { context: choice.name };
    case 'custom':
      return { dockerHost: choice.dockerHost };
  }
}

/** Feeds createEngine's `endpointOverride` from the store (read on every connection attempt). */
export const endpointOverrideOf = (settings: Pick<SettingsStore, 'get'>) => () => endpointOverrideFrom(settings.get().engine);

const sameChoice = (a: Settings['engine'], b: Settings['engine']) => JSON.stringify(a) === JSON.stringify(b);

/** Reconnects the engine whenever the endpoint setting changes; returns the unsubscribe. */
export function reconnectOnEndpointChange(settings: SettingsStore, engine: { connection: { reconnect(): void } }): () => void {
  let last = settings.get().engine;
  return settings.onChange((next) => {
    if (sameChoice(last, next.engine)) return;
    last = next.engine;
    engine.connection.reconnect();
  });
}
