import { useId, useState, type FormEvent } from 'react';
import { imageRefProblem } from '../../src-common/image-ref';
import { ApiError } from '../../src-common/contract/errors';
import { api } from '../api/client';
import { notify } from '../ui/toast';
import type { ImageTarget } from './images-slice';
import { refOf } from './image-rows';
import { Modal } from '../shared/Modal';
import { imageStrings } from './strings';
import { useBerthStore } from '../store/store';

const t = imageStrings.tag;

/** Tag: the new name is checked with the shared reference grammar before the engine is asked. */
export function TagImageDialog({ target, onClose }: { target: ImageTarget; onClose(): void }) {
  const image = useBerthStore((s) => s.images[target.id]);
  const ref = image ? refOf(image, target.tag) : (target.tag ?? target.id);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [engineError, setEngineError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = name === '' ? (touched ? imageRefProblem('') : null) : imageRefProblem(name);
  const problemId = useId();
  const hintId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (imageRefProblem(name) !== null || busy) return;
    setBusy(true);
    setEngineError(null);
    try {
      await api.call('images.tag', { id: target.id, target: name });
      onClose();
      notify({ tone: 'success', message: t.done(ref, name) });
    } catch (err) {
      setEngineError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  const shown = problem ?? engineError;
  return (
    <Modal title={t.title(ref)} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t.newName}</span>
          <input
            type="text"
            value={name}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            aria-invalid={shown ? true : undefined}
            aria-describedby={`${hintId}${shown ? ` ${problemId}` : ''}`}
            onChange={(e) => {
              setName(e.target.value);
              setEngineError(null);
            }}
            onBlur={() => setTouched(true)}
          />
        </label>
        <p id={hintId} className="note">
          {t.hint}
        </p>
        {shown && (
          <p id={problemId} className="field-error" role="alert">
            {shown}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="button-primary" disabled={busy || name === '' || problem !== null}>
            {t.confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
