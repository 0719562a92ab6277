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
import { LabelFilterField } from './LabelFilterField';
import { useBerthStore } from '../store/store';
import { errorText, measureVolumeSizes } from './volume-actions';
import { volumeStrings } from './strings';

const t = volumeStrings.pruneDialog;
const SIZES_REUSE_MS = 60_000;

/**
 * Unused volumes with an exact preview: what is listed is what goes (main removes exactly
 * these names, each only if still unused), and named volumes only when chosen.
 */
export function PruneVolumesDialog({ onClose, onDone }: { onClose(): void; onDone?(result: VolumePruneResult): void }) {
  const [scope, setScope] = useState<VolumePruneScope>('anonymous');
  const [labels, setLabels] = useState<string[]>([]);
  const [preview, setPreview] = useState<VolumePrunePreview | null>(null);
  const [result, setResult] = useState<VolumePruneResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sizes = useBerthStore((s) => s.volumeSizes);
  const [measuring, setMeasuring] = useState(false);

  // What would go is worth knowing in bytes: measured when the dialog opens (unless a
  // measurement is a minute old or newer), and main reuses it for "reclaimed".
  useEffect(() => {
    const last = useBerthStore.getState().volumeSizes;
    if (last && Date.now() - last.measuredAt < SIZES_REUSE_MS) return;
    setMeasuring(true);
    measureVolumeSizes()
      .catch(() => undefined)
      .finally(() => setMeasuring(false));
  }, []);

  useEffect(() => {
    let current = true;
    setPreview(null);
    setError(null);
    api.call('volumes.prunePreview', { scope, labels }).then(
      (p) => current && setPreview(p),
      (err: unknown) => current && setError(errorText(err)),
    );
    return () => {
      current = false;
    };
  }, [scope, labels]);

  const prune = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const done = await api.call('volumes.prune', { scope, names: preview.items.map((i) => i.name), labels });
      setResult(done);
      onDone?.(done);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const sizeOf = (name: string) => {
    const size = sizes?.sizes[name];
    return size === undefined || size < 0 ? null : size;
  };
  const measured = preview?.items.filter((i) => sizeOf(i.name) !== null) ?? [];
  const total = measured.reduce((sum, i) => sum + (sizeOf(i.name) ?? 0), 0);
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
          <LabelFilterField onApply={setLabels} />
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
                    {sizeOf(item.name) !== null && <span className="note">{formatBytes(sizeOf(item.name)!)}</span>}
                  </li>
                ))}
              </ul>
              <p className="note" role="status">
                {measuring ? t.measuringSizes : sizes && measured.length > 0 ? t.sizes(formatBytes(total), measuredAgo(sizes.measuredAt, Date.now())) : t.sizesUnknown}
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
