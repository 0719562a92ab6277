import { useState } from 'react';
import { api } from '../api/client';
import { useBerthStore } from '../store/store';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { notify } from '../ui/toast';
import { errorText } from './volume-actions';
import { volumeStrings } from './strings';
import { ScrollList } from '../ui/ScrollList';

const t = volumeStrings.removeDialog;

/**
 * Names the volume and says its data goes for good. While any container uses it (running
 * or not, from the live list) removal is refused here, with their names; the engine would
 * refuse too, and main checks again.
 */
export function RemoveVolumeDialog({ name, onClose }: { name: string; onClose(): void }) {
  const volume = useBerthStore((s) => s.volumes[name]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const users = volume?.usedBy ?? [];
  const blocked = users.length > 0;

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('volumes.remove', { name });
      notify({ tone: 'success', message: t.removed(name) });
      onClose();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t.title(name)}
      onClose={onClose}
      size="sm"
      footer={
        <>
          <Button onClick={onClose} data-autofocus>
            {t.cancel}
          </Button>
          <Button variant="danger" loading={busy} disabled={blocked} onClick={() => void remove()}>
            {t.confirm}
          </Button>
        </>
      }
    >
      {blocked ? (
        <div role="alert">
          <p>{t.inUse(users.length)}</p>
          <ScrollList className="volume-list">
            {users.map((u) => (
              <li key={u.id}>
                <strong>{u.name}</strong> <span className="note">({u.state})</span>
              </li>
            ))}
          </ScrollList>
        </div>
      ) : (
        <>
          <p>{t.note}</p>
          {volume?.anonymous && <p className="note">{t.anonymousNote}</p>}
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
