import { useEffect, useState } from 'react';
import type { VolumePruneScope } from '../../src-common/models/volumes';
import { api } from '../api/client';
import { formatBytes } from '../containers/format';
import { CleanupDialog, type CleanupItem } from '../shared/CleanupDialog';
import { measuredAgo } from '../shared/measured-ago';
import { useBerthStore } from '../store/store';
import { RadioGroup } from '../ui/RadioGroup';
import { LabelFilterField } from './LabelFilterField';
import { measureVolumeSizes } from './volume-actions';
import { volumeStrings } from './strings';

const t = volumeStrings.pruneDialog;
/** A measurement this recent is shown as it is; older, the dialog measures again when it opens. */
const SIZES_REUSE_MS = 60_000;

/**
 * Unused volumes with an exact preview: what is listed is what goes (main removes exactly
 * these names, each only if still unused), and named volumes only when chosen.
 */
export function PruneVolumesDialog({ onClose, onDone }: { onClose(): void; onDone?(): void }) {
  const [scope, setScope] = useState<VolumePruneScope>('anonymous');
  const [labels, setLabels] = useState<string[]>([]);
  const [facts, setFacts] = useState<{ engineRule: string; namedKept: number } | null>(null);
  const sizes = useBerthStore((s) => s.volumeSizes);
  const [measuring, setMeasuring] = useState(false);

  // What would go is worth knowing in bytes: measured when the dialog opens (unless a
  // recent measurement exists), and main reuses that measurement for "reclaimed".
  useEffect(() => {
    const last = useBerthStore.getState().volumeSizes;
    if (last && Date.now() - last.measuredAt < SIZES_REUSE_MS) return;
    setMeasuring(true);
    measureVolumeSizes()
      .catch(() => undefined)
      .finally(() => setMeasuring(false));
  }, []);

  const sizeOf = (item: CleanupItem) => {
    const size = sizes?.sizes[item.key];
    return size === undefined || size < 0 ? null : size;
  };

  return (
    <CleanupDialog
      title={t.title}
      options={
        <>
          <RadioGroup<VolumePruneScope>
            legend={t.scope}
            value={scope}
            onChange={setScope}
            options={[
              { value: 'anonymous', label: t.anonymous, description: t.anonymousHint },
              { value: 'all', label: t.all, description: t.allHint },
            ]}
          />
          <LabelFilterField onApply={setLabels} />
          {facts?.engineRule === 'all-unused' && <p className="note">{t.engineRule141}</p>}
        </>
      }
      previewKey={`${scope}\n${labels.join('\n')}`}
      preview={async () => {
        const p = await api.call('volumes.prunePreview', { scope, labels });
        setFacts({ engineRule: p.engineRule, namedKept: p.namedKept });
        return {
          lead: t.lead(p.items.length),
          items: p.items.map((i) => ({ key: i.name, label: i.name, detail: i.anonymous ? volumeStrings.anonymous : '', size: i.size })),
        };
      }}
      sizeOf={sizeOf}
      notes={(items) => {
        const measured = items.filter((i) => sizeOf(i) !== null);
        const total = measured.reduce((sum, i) => sum + (sizeOf(i) ?? 0), 0);
        return (
          <>
            <p className="note" role="status">
              {measuring ? t.measuringSizes : sizes && measured.length > 0 ? t.sizes(formatBytes(total), measuredAgo(sizes.measuredAt, Date.now())) : t.sizesUnknown}
            </p>
            {scope === 'anonymous' && facts && facts.namedKept > 0 && <p className="note">{t.namedKept(facts.namedKept)}</p>}
          </>
        );
      }}
      run={async (items) => {
        const r = await api.call('volumes.prune', { scope, names: items.map((i) => i.key), labels });
        return { message: t.done(r.removed.length, r.spaceReclaimed === null ? null : formatBytes(r.spaceReclaimed)), failed: r.failed };
      }}
      texts={{ loading: t.loading, nothing: t.nothing, listLabel: t.listLabel, confirm: t.confirm, cancel: t.cancel, close: t.close, failedLead: t.failedLead }}
      onClose={onClose}
      {...(onDone ? { onDone } : {})}
    />
  );
}
