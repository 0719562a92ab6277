import { RotateCw, Unplug } from 'lucide-react';
import { useBerthStore } from '../store/store';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { FactList } from '../ui/FactList';
import { shellStrings } from './strings';
import { useNow } from './use-now';
import { useRetryEngine } from './use-retry-engine';

const t = shellStrings.unreachable;

export function UnreachableScreen() {
  const status = useBerthStore((s) => s.engineStatus);
  const statusAt = useBerthStore((s) => s.engineStatusAt);
  const now = useNow(1000);
  const { retry, retrying, retryError } = useRetryEngine();
  if (status?.state !== 'unreachable') return null;

  const secondsLeft = Math.max(0, Math.ceil((statusAt + status.retryInMs - now) / 1000));
  return (
    <section className="ui-page ui-page-scroll unreachable" aria-labelledby="unreachable-title">
      <div className="unreachable-card">
        <span className="unreachable-icon" aria-hidden="true">
          <Unplug size={22} />
        </span>
        <h1 id="unreachable-title">{(status.problem && t.problemTitles[status.problem]) || t.title}</h1>
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
