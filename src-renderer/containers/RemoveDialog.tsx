import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBerthStore } from '../store/store';
import { Badge } from '../ui/Badge';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { Dialog } from '../ui/Dialog';
import { runOnAll } from './actions';
import { isLive } from './rows';
import { containerStrings } from './strings';
import { ScrollList } from '../ui/ScrollList';

const t = containerStrings.removeDialog;

interface Target {
  id: string;
  name: string;
  live: boolean;
}

/** The confirmation for removing one or more containers; rendered once by the app. */
export function RemoveDialog() {
  const ids = useBerthStore((s) => s.removeRequest);
  if (!ids) return null;
  // Keyed so the checkboxes start unchecked for every new request.
  return <RemoveDialogContent key={ids.join(',')} ids={ids} />;
}

function RemoveDialogContent({ ids }: { ids: string[] }) {
  const closeRemove = useBerthStore((s) => s.closeRemove);
  // Entity objects are stable between unrelated updates, so a shallow compare of them is enough.
  const entities = useBerthStore(useShallow((s) => ids.map((id) => s.containers[id])));
  const targets: Target[] = entities.flatMap((c) => (c ? [{ id: c.id, name: c.name, live: isLive(c.state) }] : []));
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const [force, setForce] = useState(false);
  const liveCount = targets.filter((x) => x.live).length;
  const canRemove = targets.length > 0 && (liveCount === 0 || force);

  const confirm = () => {
    if (!canRemove) return;
    const chosen = targets.map((x) => x.id);
    closeRemove();
    void runOnAll(chosen, 'remove', { force: liveCount > 0 && force, removeAnonymousVolumes: removeVolumes });
  };

  const title = targets.length === 1 ? t.titleOne(targets[0]!.name) : t.titleMany(targets.length);

  return (
    <Dialog
      title={title}
      onClose={closeRemove}
      footer={
        <>
          <Button data-autofocus onClick={closeRemove}>
            {t.cancel}
          </Button>
          <Button variant="danger" disabled={!canRemove} onClick={confirm}>
            {t.confirm}
          </Button>
        </>
      }
    >
      <p>{t.lead}</p>
      <ScrollList className="remove-list">
        {targets.map((x) => (
          <li key={x.id}>
            <strong className="ui-truncate" title={x.name}>
              {x.name}
            </strong>
            {x.live && <Badge tone="success">{t.running}</Badge>}
          </li>
        ))}
      </ScrollList>
      <Checkbox label={t.anonymousVolumes} checked={removeVolumes} onChange={setRemoveVolumes} />
      <p className="note">{t.namedVolumesNote}</p>
      {liveCount > 0 && (
        <Banner tone="warning" title={t.runningNote(liveCount)}>
          <Checkbox label={t.force} required checked={force} onChange={setForce} />
        </Banner>
      )}
    </Dialog>
  );
}
