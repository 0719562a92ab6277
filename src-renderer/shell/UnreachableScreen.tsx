import { useState } from 'react';
import { ApiError } from '../../src-common/index';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import { shellStrings } from './strings';
import { useNow } from './use-now';

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
