import { useBerthStore } from '../store/store';
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
    <section className="page page-message unreachable" aria-labelledby="unreachable-title">
      <h1 id="unreachable-title">{(status.problem && t.problemTitles[status.problem]) || t.title}</h1>
      <dl className="facts">
        <dt>{t.endpoint}</dt>
        <dd>
          <code>{status.endpoint?.display ?? t.noEndpoint}</code>
        </dd>
        <dt>{t.error}</dt>
        <dd>{status.error}</dd>
        <dt>{t.hint}</dt>
        <dd>{status.hint}</dd>
      </dl>
      <p>{t.retryIn(secondsLeft)}</p>
      <button type="button" className="button-primary" onClick={retry} disabled={retrying}>
        {t.retryNow}
      </button>
      {retryError && <p role="alert">{t.retryFailed(retryError)}</p>}
    </section>
  );
}
