import type { FeatureHandlers } from '../../src-common/contract/handlers';
import type { registryCalls, registryStreams } from '../../src-common/contract/registries';
import type { TransferSnapshot } from '../../src-common/models/registries';
import type { StreamSink } from '../../src-common/contract/handlers';
import { createCredentialsService, type CredentialsServiceOptions } from '../engine/registry/credentials-service';
import type { Engine } from '../engine/index';
import { searchDockerHub } from '../engine/registry/registry-search';
import { startTransfer, type TransferKind } from '../engine/registry/registry-transfer';
import type { AppHost } from './app-host';

/** Options tests use to point Berth at a temp docker config folder. */
export type RegistryHandlerOptions = Pick<CredentialsServiceOptions, 'configDir' | 'env'>;

export function createRegistryHandlers(
  engine: Engine,
  host: AppHost,
  options: RegistryHandlerOptions = {},
): FeatureHandlers<typeof registryCalls, typeof registryStreams> {
  const credentials = createCredentialsService({
    ...options,
    dataDir: host.dataDir,
    mode: host.mode,
    ...(host.secretStorage ? { secretStorage: host.secretStorage } : {}),
    requireClient: () => engine.requireClient(),
  });
  const transfer = (kind: TransferKind) => (args: { ref: string }, sink: StreamSink<TransferSnapshot>) =>
    startTransfer(kind, args.ref, { requireClient: () => engine.requireClient(), authFor: credentials.authFor, credentialsWithheld: credentials.credentialsWithheld }, (snapshot) => {
      sink.next(snapshot);
      if (!snapshot.finished) return;
      const failure = snapshot.failure;
      sink.end(
        failure
          ? { reason: 'error', error: { code: failure.kind === 'not-found' ? 'not-found' : 'engine-error', message: failure.message, object: `image ${snapshot.ref}` } }
          : { reason: 'complete' },
      );
    });
  return {
    calls: {
      'registries.overview': () => credentials.overview(),
      'registries.login': (request) => credentials.login(request),
      'registries.logout': async ({ server }) => (await credentials.logout(server), null),
      'registries.searchHub': ({ term, limit }) => searchDockerHub(engine.requireClient(), term, limit),
    },
    streams: {
      'registries.pull': transfer('pull'),
      'registries.push': transfer('push'),
    },
  };
}
