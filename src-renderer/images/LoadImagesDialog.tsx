import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Modal } from '../shared/Modal';
import { imageStrings } from './strings';

const t = imageStrings.load;
/** Electron's preload exposes window.berth; only there is a native picker available. */
const hasNativePicker = () => typeof window !== 'undefined' && 'berth' in window;

/** Load images from a .tar on the machine where Berth's main runs (a picker in Electron). */
export function LoadImagesDialog({ onClose }: { onClose(): void }) {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const errorId = useId();

  const choose = async () => {
    const picked = await api.call('images.pickTarFile', {}).catch(() => null);
    if (picked) setPath(picked);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (path.trim() === '') {
      setError(t.required);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setLoaded((await api.call('images.load', { path: path.trim() })).loaded);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t.title} onClose={onClose}>
      {loaded ? (
        <p role="status">{loaded.length ? t.loaded(loaded.join(', ')) : t.loadedNothing}</p>
      ) : (
        <form id="load-images" onSubmit={(e) => void submit(e)} noValidate>
          <label className="field">
            <span>{t.path}</span>
            <input
              type="text"
              value={path}
              autoFocus
              spellCheck={false}
              // In the desktop app main opens only what its own dialog picked (src-main/api/picked-paths.ts).
              readOnly={hasNativePicker()}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}
              onChange={(e) => setPath(e.target.value)}
            />
          </label>
          <p id={hintId} className="note">
            {hasNativePicker() ? t.pathHintElectron : t.pathHint}
          </p>
          {hasNativePicker() && (
            <button type="button" className="button" onClick={() => void choose()}>
              {t.choose}
            </button>
          )}
        </form>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={onClose}>
          {loaded ? imageStrings.prune.close : t.cancel}
        </button>
        {!loaded && (
          <button type="submit" form="load-images" className="button-primary" disabled={busy}>
            {t.confirm}
          </button>
        )}
      </div>
    </Modal>
  );
}
