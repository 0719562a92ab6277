import { useBerthStore } from '../store/store';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { shellStrings } from './strings';
import { useRetryEngine } from './use-retry-engine';

const b = shellStrings.banner;

/**
 * On every page while the engine does not answer: its error and how to get one running
 * (what the unreachable screen and Settings say), so a page that still shows the last
 * list never passes for live. Whatever error the engine status carries is shown as is.
 */
export function EngineBanner() {
  const status = useBerthStore((s) => s.engineStatus);
  const serverConnected = useBerthStore((s) => s.serverConnected);
  const { retry, retrying, retryError } = useRetryEngine();
  if (!serverConnected) {
    return (
      <Banner tone="warning" role="status" title={b.serverTitle} className="engine-banner">
        {b.serverText}
      </Banner>
    );
  }
  if (!status || status.state === 'connected' || !('error' in status)) return null;
  return (
    <Banner
      tone="danger"
      role="alert"
      title={b.title}
      className="engine-banner"
      action={
        <Button size="sm" loading={retrying} onClick={() => void retry()}>
          {shellStrings.unreachable.retryNow}
        </Button>
      }
    >
      <p>{status.error}</p>
      {status.hint && <p>{status.hint}</p>}
      {status.endpoint && <p className="engine-banner-endpoint">{b.endpoint(status.endpoint.display)}</p>}
      {retryError && <p>{shellStrings.unreachable.retryFailed(retryError)}</p>}
    </Banner>
  );
}
