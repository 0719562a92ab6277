import { useId, useState, type FormEvent } from 'react';
import { imageRefProblem } from '../../src-common/image-ref';
import { ApiError } from '../../src-common/contract/api-error';
import { api } from '../api/client';
import { notify } from '../ui/toast';
import type { ImageTarget } from './images-slice';
import { refOf } from './image-rows';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/TextField';
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
  const formId = useId();

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
    <Dialog
      title={t.title(ref)}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button type="submit" form={formId} variant="primary" loading={busy} disabled={name === '' || problem !== null}>
            {t.confirm}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          announceError
          label={t.newName}
          description={t.hint}
          error={shown}
          mono
          value={name}
          onChange={(v) => {
            setName(v);
            setEngineError(null);
          }}
          onBlur={() => setTouched(true)}
        />
      </form>
    </Dialog>
  );
}
