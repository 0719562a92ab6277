import { useEffect, useState } from 'react';
import { ApiError } from '../../src-common/contract/api-error';
import type { ImageUser } from '../../src-common/models/images';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import type { ImageTarget } from './images-slice';
import { refOf, shortImageId } from './image-rows';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { Dialog } from '../ui/Dialog';
import { RadioGroup } from '../ui/RadioGroup';
import { imageStrings } from './strings';
import { ScrollList } from '../ui/ScrollList';

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
    <Dialog
      title={t.title(ref)}
      onClose={onClose}
      footer={
        <>
          <Button data-autofocus onClick={onClose}>
            {t.cancel}
          </Button>
          <Button variant="danger" loading={busy} disabled={!canConfirm && !busy} onClick={() => void confirm()}>
            {t.confirm}
          </Button>
        </>
      }
    >
      {canUntagOnly && (
        <RadioGroup<'tag' | 'image'>
          legend={t.mode}
          hideLegend
          value={mode}
          onChange={setMode}
          options={[
            { value: 'tag', label: t.onlyTag(target.tag!) },
            { value: 'image', label: t.wholeImage(tags.length) },
          ]}
        />
      )}
      {deletes ? <p>{t.deleteNote(shortImageId(target.id))}</p> : <p>{t.onlyTagNote(tags.filter((x) => x !== target.tag).join(', '))}</p>}
      {deletes && users === null && !error && <p className="placeholder">{t.checking}</p>}
      {deletes && users !== null && users.length > 0 && (
        <Banner tone="danger" role="alert" title={t.inUse(users.length)}>
          <div className="refusal">
            <ScrollList className="image-users">
              {users.map((u) => (
                <li key={u.id}>
                  <strong className="ui-truncate" title={u.name}>
                    {u.name}
                  </strong>
                  <span className="ui-muted">({u.state})</span>
                </li>
              ))}
            </ScrollList>
            {running.length > 0 ? <p>{t.runningNote}</p> : <Checkbox label={t.force} checked={force} onChange={setForce} />}
          </div>
        </Banner>
      )}
      {error && (
        <Banner tone="danger" role="alert">
          {error}
        </Banner>
      )}
    </Dialog>
  );
}
