import { useEffect, useState, type ReactNode } from 'react';
import { formatBytes } from '../containers/format';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../volumes/volume-actions';
import './cleanup-dialog.css';
import { ScrollList } from '../ui/ScrollList';

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

export interface CleanupTexts {
  loading: string;
  nothing: string;
  listLabel: string;
  confirm(count: number): string;
  cancel: string;
  close: string;
  failedLead: string;
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
  notes,
  sizeOf,
  onClose,
  onDone,
}: {
  title: string;
  /** Choices above the preview (they change `previewKey`). */
  options?: ReactNode;
  previewKey: string;
  preview(): Promise<{ items: CleanupItem[]; lead: string }>;
  run(items: CleanupItem[]): Promise<CleanupOutcome>;
  texts: CleanupTexts;
  /** Below the preview (what stays, sizes, the engine's own rule), given the listed items. */
  notes?(items: CleanupItem[]): ReactNode;
  /** An item's size when it comes from elsewhere than the preview (a measurement still on its way). */
  sizeOf?(item: CleanupItem): number | null;
  onClose(): void;
  onDone?(): void;
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
      onDone?.();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const count = plan?.items.length ?? 0;
  const size = (item: CleanupItem) => (sizeOf ? sizeOf(item) : item.size);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      size="lg"
      footer={
        outcome ? (
          <Button variant="primary" onClick={onClose} data-autofocus>
            {texts.close}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} data-autofocus>
              {texts.cancel}
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
            <Banner tone="warning" title={texts.failedLead}>
              <ScrollList className="cleanup-list">
                {outcome.failed.map((f) => (
                  <li key={f.name}>
                    <strong>{f.name}</strong>: {f.message}
                  </li>
                ))}
              </ScrollList>
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
              <ScrollList className="cleanup-list" aria-label={texts.listLabel}>
                {plan.items.map((item) => (
                  <li key={item.key}>
                    <strong>{item.label}</strong> {item.detail && <span className="note">{item.detail}</span>}{' '}
                    {size(item) !== null && <span className="note">{formatBytes(size(item)!)}</span>}
                  </li>
                ))}
              </ScrollList>
            </>
          )}
          {plan && notes?.(plan.items)}
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
