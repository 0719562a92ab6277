import { useState } from 'react';
import { ApiError } from '../../src-common/index';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import { shellStrings } from './strings';
import { useNow } from './use-now';
import { RotateCw, Unplug } from 'lucide-react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { FactList } from '../ui/FactList';

const t = shellStrings.unreachable;

export function UnreachableScreen() {
  const status = useBerthStore((s) => s.engineStatus);
  const statusAt = useBerthStore((s) => s.engineStatusAt);
  const now = useNow(1000);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  if (status?.state !== 'unreachable') return null;

  const secondsLeft = Math.max(0, Math.ceil((statusAt + status.retryInMs - now) / 1000));
  const retry = async () => {
    setRetrying(true);
    setRetryError(null);
    try {
      await api.call('engine.reconnect', {});
    } catch (err) {
      setRetryError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setRetrying(false);
    }
  };

  return (
    <section className="ui-page ui-page-scroll unreachable" aria-labelledby="unreachable-title">
      <div className="unreachable-card">
        <span className="unreachable-icon" aria-hidden="true">
          <Unplug size={22} />
        </span>
        <h1 id="unreachable-title">{t.title}</h1>
        <FactList
          facts={[
            [t.endpoint, <code key="e" className="ui-wrap-anywhere">{status.endpoint?.display ?? t.noEndpoint}</code>],
            [t.error, <span key="r" className="ui-wrap-anywhere">{status.error}</span>],
            [t.hint, status.hint],
          ]}
        />
        <p className="ui-muted">{t.retryIn(secondsLeft)}</p>
        <div>
          <Button variant="primary" icon={RotateCw} loading={retrying} onClick={() => void retry()}>
            {t.retryNow}
          </Button>
        </div>
        {retryError && (
          <Banner tone="danger" role="alert">
            {t.retryFailed(retryError)}
          </Banner>
        )}
      </div>
    </section>
  );
}
