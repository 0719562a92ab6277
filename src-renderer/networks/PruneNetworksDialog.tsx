import { useEffect, useState } from 'react';
import type { NetworkPrunePreview } from '../../src-common/models/networks';
import { api } from '../api/client';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/TextField';
import { messageOf, submitOnEnter } from './network-actions';
import { networkStrings } from './strings';
import { ScrollList } from '../ui/ScrollList';

const t = networkStrings.pruneDialog;

type Phase = { kind: 'checking' } | { kind: 'preview'; preview: NetworkPrunePreview } | { kind: 'pruning'; preview: NetworkPrunePreview } | { kind: 'done'; removed: string[] };

/** The exact list of what goes (by the engine's own rule), then what the engine actually removed. */
export function PruneNetworksDialog({ onClose }: { onClose(): void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [error, setError] = useState<string | null>(null);
  // `docker network prune --filter label=…`: typed, then applied on Enter or when the field is left.
  const [labelText, setLabelText] = useState('');
  const [labels, setLabels] = useState<string[]>([]);
  const labelsKey = labels.join('\n');

  useEffect(() => {
    let current = true;
    setPhase({ kind: 'checking' });
    setError(null);
    api.call('networks.prunePreview', { labels: labelsKey ? labelsKey.split('\n') : [] }).then(
      (preview) => current && setPhase({ kind: 'preview', preview }),
      (err: unknown) => current && setError(messageOf(err)),
    );
    return () => {
      current = false;
    };
  }, [labelsKey]);

  const typedLabels = () => labelText.split(/[\s,]+/).filter((l) => l !== '');
  const applyLabels = () => setLabels(typedLabels());

  const prune = async (preview: NetworkPrunePreview) => {
    // A filter typed but not yet previewed: show its preview first, never prune with the old one.
    if (typedLabels().join('\n') !== labelsKey) return applyLabels();
    setPhase({ kind: 'pruning', preview });
    try {
      // The same filters as the preview on screen, so what goes is what was listed.
      const result = await api.call('networks.prune', { labels });
      setPhase({ kind: 'done', removed: result.removed });
    } catch (err) {
      setError(messageOf(err));
      setPhase({ kind: 'preview', preview });
    }
  };

  const preview = phase.kind === 'preview' || phase.kind === 'pruning' ? phase.preview : null;
  const canPrune = preview !== null && preview.networks.length > 0;
  return (
    <Dialog
      title={t.title}
      onClose={onClose}
      footer={
        phase.kind === 'done' || (preview && !canPrune) ? (
          <Button data-autofocus onClick={onClose}>
            {t.close}
          </Button>
        ) : (
          <>
            <Button data-autofocus onClick={onClose}>
              {t.cancel}
            </Button>
            <Button variant="danger" loading={phase.kind === 'pruning'} disabled={!canPrune} onClick={() => preview && void prune(preview)}>
              {phase.kind === 'pruning' ? t.removing : t.confirm}
            </Button>
          </>
        )
      }
    >
      {phase.kind !== 'done' && (
        <div onKeyDown={(e) => submitOnEnter(e, applyLabels)}>
          <TextField label={t.labelFilter} description={t.labelFilterHint} value={labelText} onChange={setLabelText} onBlur={applyLabels} mono />
        </div>
      )}
      {phase.kind === 'checking' && !error && <p className="network-muted">{t.checking}</p>}
      {preview && !canPrune && <p>{t.nothing}</p>}
      {preview && canPrune && (
        <>
          <p>{t.intro(preview.networks.length)}</p>
          <ScrollList className="network-dialog-list" aria-label={t.previewLabel}>
            {preview.networks.map((n) => (
              <li key={n.id}>
                <strong>{n.name}</strong>
                {n.stoppedUsers.length > 0 && <span className="network-muted"> — {t.stoppedUsers(n.stoppedUsers)}</span>}
              </li>
            ))}
          </ScrollList>
          <p className="network-muted">{t.builtInKept}</p>
        </>
      )}
      {phase.kind === 'done' && (
        <div role="status">
          <p>{phase.removed.length ? t.result(phase.removed.length) : t.resultNone}</p>
          {phase.removed.length > 0 && (
            <ScrollList className="network-dialog-list" aria-label={t.resultLabel}>
              {phase.removed.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ScrollList>
          )}
        </div>
      )}
      {error && (
        <Banner tone="danger" role="alert">
          {error}
        </Banner>
      )}
    </Dialog>
  );
}
