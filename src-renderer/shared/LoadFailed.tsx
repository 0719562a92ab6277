import { useState } from 'react';
import { sharedStrings } from './strings';

const t = sharedStrings.loadFailed;

/**
 * What a page shows instead of "Loading…" when its load failed: the error in words and a
 * Retry button. An alert, so a screen reader hears it; the button names what it retries.
 */
export function LoadFailed({ message, retryLabel, onRetry }: { message: string; retryLabel?: string; onRetry: () => Promise<unknown> | void }) {
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      await onRetry();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="load-failed" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={() => void retry()} disabled={busy} aria-label={retryLabel}>
        {busy ? t.retrying : t.retry}
      </button>
    </div>
  );
}
