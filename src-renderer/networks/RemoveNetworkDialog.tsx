import { useEffect, useState } from 'react';
import type { RemoveNetworkCheck } from '../../src-common/models/networks';
import { api } from '../api/client';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { notify } from '../ui/toast';
import { messageOf } from './network-actions';
import { networkStrings } from './strings';
import { ScrollList } from '../ui/ScrollList';

const t = networkStrings.removeDialog;

/** Asks what the removal means first (in use? built in? stopped containers set to join it?), then confirms. */
export function RemoveNetworkDialog({ id, onClose }: { id: string; onClose(): void }) {
  const [check, setCheck] = useState<RemoveNetworkCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api.call('networks.removeCheck', { id }).then(
      (c) => current && setCheck(c),
      (err: unknown) => current && setError(messageOf(err)),
    );
    return () => {
      current = false;
    };
  }, [id]);

  const remove = async () => {
    if (!check || check.refusal || busy) return;
    setBusy(true);
    try {
      await api.call('networks.remove', { id: check.id });
      onClose();
      notify({ message: t.removed(check.name), tone: 'success' });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const refused = check?.refusal ?? null;
  return (
    <Dialog
      title={t.title(check?.name ?? id)}
      size="sm"
      onClose={onClose}
      footer={
        refused ? (
          <Button data-autofocus onClick={onClose}>
            {t.close}
          </Button>
        ) : (
          <>
            <Button data-autofocus onClick={onClose}>
              {t.cancel}
            </Button>
            <Button variant="danger" loading={busy} disabled={!check} onClick={() => void remove()}>
              {busy ? t.removing : t.confirm}
            </Button>
          </>
        )
      }
    >
      {!check && !error && <p className="network-muted">{t.checking}</p>}
      {refused && (
        <Banner tone="danger" role="alert">
          {refused}
        </Banner>
      )}
      {check && !refused && <p>{t.body(check.name)}</p>}
      {check && !refused && check.stoppedUsers.length > 0 && (
        <Banner tone="warning" title={t.stoppedWarning(check.stoppedUsers.length)}>
          <ScrollList className="network-dialog-list">
            {check.stoppedUsers.map((u) => (
              <li key={u.id}>{u.name}</li>
            ))}
          </ScrollList>
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
