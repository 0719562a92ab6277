import { useEffect, useState, type ReactNode } from 'react';
import { formatBytes } from '../containers/format';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../volumes/volume-actions';
import { diskStrings as t } from './strings';

export interface CleanupItem {
  key: string;
  label: string;
  detail?: string;
  size: number | null;
}

export interface CleanupOutcome {
  message: string;
  failed: { name: string; message: string }[];
}

/**
 * Preview, confirm, result: the shape of every clean-up. The preview is exactly what goes
 * (main removes only the listed objects); the result is what really went.
 */
export function CleanupDialog({
  title,
  options,
  previewKey,
  preview,
  run,
  texts,
  onClose,
  onDone,
}: {
  title: string;
  /** Choices above the preview (they change `previewKey`). */
  options?: ReactNode;
  previewKey: string;
  preview(): Promise<{ items: CleanupItem[]; lead: string }>;
  run(items: CleanupItem[]): Promise<CleanupOutcome>;
  texts: { loading: string; nothing: string; listLabel: string; confirm(count: number): string };
  onClose(): void;
  onDone(): void;
}) {
  const [plan, setPlan] = useState<{ items: CleanupItem[]; lead: string } | null>(null);
  const [outcome, setOutcome] = useState<CleanupOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setPlan(null);
    setError(null);
    preview().then(
      (p) => current && setPlan(p),
      (err: unknown) => current && setError(errorText(err)),
    );
    return () => {
      current = false;
    };
    // preview() follows previewKey: a new function each render, the same question.
  }, [previewKey]);

  const confirm = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      setOutcome(await run(plan.items));
      onDone();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const count = plan?.items.length ?? 0;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      size="lg"
      footer={
        outcome ? (
          <Button variant="primary" onClick={onClose} data-autofocus>
            {t.close}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} data-autofocus>
              {t.cancel}
            </Button>
            <Button variant="danger" loading={busy} disabled={!plan || count === 0} onClick={() => void confirm()}>
              {texts.confirm(count)}
            </Button>
          </>
        )
      }
    >
      {outcome ? (
        <div role="status">
          <p>{outcome.message}</p>
          {outcome.failed.length > 0 && (
            <Banner tone="warning" title={t.failedLead}>
              <ul className="cleanup-list">
                {outcome.failed.map((f) => (
                  <li key={f.name}>
                    <strong>{f.name}</strong>: {f.message}
                  </li>
                ))}
              </ul>
            </Banner>
          )}
        </div>
      ) : (
        <>
          {options}
          {!plan && !error && <p className="placeholder">{texts.loading}</p>}
          {plan && count === 0 && <p>{texts.nothing}</p>}
          {plan && count > 0 && (
            <>
              <p>{plan.lead}</p>
              <ul className="cleanup-list" aria-label={texts.listLabel}>
                {plan.items.map((item) => (
                  <li key={item.key}>
                    <strong>{item.label}</strong> {item.detail && <span className="note">{item.detail}</span>}{' '}
                    {item.size !== null && <span className="note">{formatBytes(item.size)}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {error && (
        <Banner tone="danger" role="alert">
          {error}
        </Banner>
      )}
    </Dialog>
  );
}
