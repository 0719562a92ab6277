import { useEffect, useState } from 'react';
import type { PruneMode, PrunePreview, PruneResult } from '../../src-common/models/images';
import { api } from '../api/client';
import { formatBytes } from '../containers/format';
import { shortImageId } from './image-rows';
import { Modal } from '../shared/Modal';
import { imageStrings } from './strings';

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
    <Modal title={t.title} onClose={onClose} wide>
      {result ? (
        <p role="status">{t.done(result.deleted.length, formatBytes(result.spaceReclaimed))}</p>
      ) : (
        <>
          <fieldset className="choices" disabled={busy}>
            <label className="check">
              <input type="radio" name="prune-mode" checked={mode === 'dangling'} onChange={() => setMode('dangling')} />
              {t.dangling}
            </label>
            <label className="check">
              <input type="radio" name="prune-mode" checked={mode === 'unused'} onChange={() => setMode('unused')} />
              {t.unused}
            </label>
          </fieldset>
          {!preview && !error && <p className="placeholder">{t.loading}</p>}
          {preview && preview.items.length === 0 && <p>{t.nothing}</p>}
          {preview && preview.items.length > 0 && (
            <>
              <p>{t.previewLead(preview.items.length)}</p>
              <ul className="prune-list" aria-label={t.previewLabel}>
                {preview.items.map((item) => (
                  <li key={item.id}>
                    <strong>{item.tags[0] && item.effect === 'delete' ? item.tags.join(', ') : `<none>@${shortImageId(item.id)}`}</strong>{' '}
                    <span className="note">
                      {item.effect === 'delete' ? `${t.deletes}, ${t.frees(formatBytes(item.unique))}` : t.untags(item.tags.join(', '))}
                    </span>
                  </li>
                ))}
              </ul>
              <p>{t.estimate(formatBytes(preview.estimatedSpace))}</p>
            </>
          )}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {result ? t.close : t.cancel}
        </button>
        {!result && (
          <button
            type="button"
            className="button button-danger"
            disabled={busy || !preview || preview.items.length === 0}
            onClick={() => void prune()}
          >
            {t.confirm}
          </button>
        )}
      </div>
    </Modal>
  );
}
