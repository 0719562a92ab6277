import { useEffect, useState } from 'react';
import { ApiError } from '../../src-common/contract/errors';
import type { ImageUser } from '../../src-common/models/images';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import type { ImageTarget } from './images-slice';
import { refOf, shortImageId } from './image-rows';
import { Modal } from '../shared/Modal';
import { imageStrings } from './strings';

const t = imageStrings.remove;
const LIVE = new Set(['running', 'paused', 'restarting']);

/**
 * Remove one name, or the image with all its names. Before anything is sent, the
 * containers using the image are looked up: removing it while they exist is refused
 * here, with their names (the engine would refuse too, less clearly).
 */
export function RemoveImageDialog({ target, onClose }: { target: ImageTarget; onClose(): void }) {
  const image = useBerthStore((s) => s.images[target.id]);
  const tags = image?.repoTags ?? (target.tag ? [target.tag] : []);
  const ref = image ? refOf(image, target.tag) : (target.tag ?? shortImageId(target.id));
  const canUntagOnly = target.tag !== null && tags.length > 1;
  const [mode, setMode] = useState<'tag' | 'image'>(canUntagOnly ? 'tag' : 'image');
  const [users, setUsers] = useState<ImageUser[] | null>(null);
  const [force, setForce] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const deletes = mode === 'image' || !canUntagOnly;

  useEffect(() => {
    let current = true;
    api.call('images.inspect', { id: target.id }).then(
      (d) => current && setUsers(d.containers),
      (err: unknown) => current && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      current = false;
    };
  }, [target.id]);

  const running = (users ?? []).filter((u) => LIVE.has(u.state));
  const blocked = deletes && users !== null && users.length > 0 && (running.length > 0 || !force);
  const canConfirm = !busy && (!deletes || users !== null) && !blocked;

  const confirm = async () => {
    if (!canConfirm) return;
    setBusy(true);
    setError(null);
    try {
      const removeTagOnly = !deletes || (target.tag !== null && tags.length === 1);
      await api.call('images.remove', {
        id: target.id,
        ...(removeTagOnly && target.tag ? { tag: target.tag } : {}),
        force: deletes && force,
      });
      onClose();
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <Modal title={t.title(ref)} onClose={onClose}>
      {canUntagOnly && (
        <fieldset className="choices">
          <label className="check">
            <input type="radio" name="remove-mode" checked={mode === 'tag'} onChange={() => setMode('tag')} />
            {t.onlyTag(target.tag!)}
          </label>
          <label className="check">
            <input type="radio" name="remove-mode" checked={mode === 'image'} onChange={() => setMode('image')} />
            {t.wholeImage(tags.length)}
          </label>
        </fieldset>
      )}
      {deletes ? (
        <p>{t.deleteNote(shortImageId(target.id))}</p>
      ) : (
        <p>{t.onlyTagNote(tags.filter((x) => x !== target.tag).join(', '))}</p>
      )}
      {deletes && users === null && !error && <p className="placeholder">{t.checking}</p>}
      {deletes && users !== null && users.length > 0 && (
        <div className="refusal" role="alert">
          <p>{t.inUse(users.length)}</p>
          <ul className="remove-list">
            {users.map((u) => (
              <li key={u.id}>
                <strong>{u.name}</strong> <span className="note">({u.state})</span>
              </li>
            ))}
          </ul>
          {running.length > 0 ? (
            <p className="note warning">{t.runningNote}</p>
          ) : (
            <label className="check">
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
              {t.force}
            </label>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {t.cancel}
        </button>
        <button type="button" className="button button-danger" disabled={!canConfirm} onClick={() => void confirm()}>
          {t.confirm}
        </button>
      </div>
    </Modal>
  );
}
