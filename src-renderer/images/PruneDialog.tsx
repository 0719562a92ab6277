import { useEffect, useState } from 'react';
import type { PruneMode, PrunePreview, PruneResult } from '../../src-common/models/images';
import { api } from '../api/client';
import { formatBytes } from '../containers/format';
import { shortImageId } from './image-rows';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { EmptyState } from '../ui/EmptyState';
import { RadioGroup } from '../ui/RadioGroup';
import { imageStrings } from './strings';
import { ScrollList } from '../ui/ScrollList';

const t = imageStrings.prune;

/** Prune with a preview worked out by the engine's rules, then what actually went. */
export function PruneDialog({ onClose }: { onClose(): void }) {
  const [mode, setMode] = useState<PruneMode>('dangling');
  const [preview, setPreview] = useState<PrunePreview | null>(null);
  const [result, setResult] = useState<PruneResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setPreview(null);
    setError(null);
    api.call('images.prunePreview', { mode }).then(
      (p) => current && setPreview(p),
      (err: unknown) => current && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      current = false;
    };
  }, [mode]);

  const prune = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.call('images.prune', { mode }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t.title}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <Button data-autofocus onClick={onClose}>
            {result ? t.close : t.cancel}
          </Button>
          {!result && (
            <Button variant="danger" loading={busy} disabled={!preview || preview.items.length === 0} onClick={() => void prune()}>
              {t.confirm}
            </Button>
          )}
        </>
      }
    >
      {result ? (
        <Banner tone="success" role="status">
          {t.done(result.deleted.length, formatBytes(result.spaceReclaimed))}
        </Banner>
      ) : (
        <>
          <RadioGroup<PruneMode>
            legend={t.mode}
            hideLegend
            value={mode}
            disabled={busy}
            onChange={setMode}
            options={[
              { value: 'dangling', label: t.dangling },
              { value: 'unused', label: t.unused },
            ]}
          />
          {!preview && !error && <p className="placeholder">{t.loading}</p>}
          {preview && preview.items.length === 0 && <EmptyState compact title={t.nothing} />}
          {preview && preview.items.length > 0 && (
            <>
              <p>{t.previewLead(preview.items.length)}</p>
              <ScrollList className="prune-list" aria-label={t.previewLabel}>
                {preview.items.map((item) => {
                  const name = item.tags[0] && item.effect === 'delete' ? item.tags.join(', ') : `<none>@${shortImageId(item.id)}`;
                  return (
                    <li key={item.id}>
                      <strong className="ui-truncate" title={name}>
                        {name}
                      </strong>
                      <span className="ui-muted">{item.effect === 'delete' ? `${t.deletes}, ${t.frees(formatBytes(item.unique))}` : t.untags(item.tags.join(', '))}</span>
                    </li>
                  );
                })}
              </ScrollList>
              <p>{t.estimate(formatBytes(preview.estimatedSpace))}</p>
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
