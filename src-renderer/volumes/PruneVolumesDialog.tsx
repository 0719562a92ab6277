import { useEffect, useState } from 'react';
import type { VolumePrunePreview, VolumePruneResult, VolumePruneScope } from '../../src-common/models/volumes';
import { api } from '../api/client';
import { formatBytes } from '../containers/format';
import { measuredAgo } from '../shared/measured-ago';
import { Banner } from '../ui/Banner';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { RadioGroup } from '../ui/RadioGroup';
import { errorText } from './volume-actions';
import { volumeStrings } from './strings';

const t = volumeStrings.pruneDialog;

/**
 * Unused volumes with an exact preview: what is listed is what goes (main removes exactly
 * these names, each only if still unused), and named volumes only when chosen.
 */
export function PruneVolumesDialog({ onClose, onDone }: { onClose(): void; onDone?(result: VolumePruneResult): void }) {
  const [scope, setScope] = useState<VolumePruneScope>('anonymous');
  const [preview, setPreview] = useState<VolumePrunePreview | null>(null);
  const [result, setResult] = useState<VolumePruneResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setPreview(null);
    setError(null);
    api.call('volumes.prunePreview', { scope }).then(
      (p) => current && setPreview(p),
      (err: unknown) => current && setError(errorText(err)),
    );
    return () => {
      current = false;
    };
  }, [scope]);

  const prune = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const done = await api.call('volumes.prune', { scope, names: preview.items.map((i) => i.name) });
      setResult(done);
      onDone?.(done);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const measured = preview?.items.filter((i) => i.size !== null) ?? [];
  const total = measured.reduce((sum, i) => sum + (i.size ?? 0), 0);
  const count = preview?.items.length ?? 0;
  return (
    <Dialog
      title={t.title}
      onClose={onClose}
      size="lg"
      footer={
        result ? (
          <Button variant="primary" onClick={onClose} data-autofocus>
            {t.close}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} data-autofocus>
              {t.cancel}
            </Button>
            <Button variant="danger" loading={busy} disabled={!preview || count === 0} onClick={() => void prune()}>
              {t.confirm(count)}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <div role="status">
          <p>{t.done(result.removed.length, result.spaceReclaimed === null ? null : formatBytes(result.spaceReclaimed))}</p>
          {result.failed.length > 0 && (
            <Banner tone="warning" title={t.failedLead}>
              <ul className="volume-list">
                {result.failed.map((f) => (
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
          <RadioGroup<VolumePruneScope>
            legend={t.scope}
            value={scope}
            onChange={setScope}
            disabled={busy}
            options={[
              { value: 'anonymous', label: t.anonymous, description: t.anonymousHint },
              { value: 'all', label: t.all, description: t.allHint },
            ]}
          />
          {preview?.engineRule === 'all-unused' && <p className="note">{t.engineRule141}</p>}
          {!preview && !error && <p className="placeholder">{t.loading}</p>}
          {preview && count === 0 && <p>{t.nothing}</p>}
          {preview && count > 0 && (
            <>
              <p>{t.lead(count)}</p>
              <ul className="volume-list" aria-label={t.listLabel}>
                {preview.items.map((item) => (
                  <li key={item.name}>
                    <strong>{item.name}</strong> {item.anonymous && <Badge>{volumeStrings.anonymous}</Badge>}{' '}
                    {item.size !== null && <span className="note">{formatBytes(item.size)}</span>}
                  </li>
                ))}
              </ul>
              <p className="note">
                {preview.sizesMeasuredAt !== null && measured.length > 0 ? t.sizes(formatBytes(total), measuredAgo(preview.sizesMeasuredAt, Date.now())) : t.sizesUnknown}
              </p>
            </>
          )}
          {preview && scope === 'anonymous' && preview.namedKept > 0 && <p className="note">{t.namedKept(preview.namedKept)}</p>}
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
