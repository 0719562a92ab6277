import { isUnencryptedRemote } from '../../src-common/models/engine-status';
import { useBerthStore } from '../store/store';
import { Banner } from '../ui/Banner';
import { registryStrings as t } from './strings';

/**
 * While the engine is reached over plain tcp:// on another machine, main sends it no
 * saved login and refuses new ones (src-main/engine/registry/credentials-service.ts):
 * this says so before anyone wonders why a push is refused.
 */
export function UnencryptedEngineNote() {
  const endpoint = useBerthStore((s) => s.engineStatus?.endpoint ?? null);
  if (!endpoint || !isUnencryptedRemote(endpoint)) return null;
  return (
    <Banner tone="warning" role="status">
      {t.unencryptedEngine(endpoint.display)}
    </Banner>
  );
}
