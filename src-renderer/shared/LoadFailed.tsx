import { useState } from 'react';
import { RotateCw } from 'lucide-react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { sharedStrings } from './strings';

const t = sharedStrings.loadFailed;

/**
 * What a page shows instead of "Loading…" when its load failed: the error in words and a
 * Retry button, as an alert so a screen reader hears it.
 */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => Promise<unknown> | void }) {
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
    <Banner
      tone="danger"
      role="alert"
      action={
        <Button icon={RotateCw} loading={busy} onClick={() => void retry()}>
          {t.retry}
        </Button>
      }
    >
      {message}
    </Banner>
  );
}
