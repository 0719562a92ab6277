import { useState } from 'react';
import { api } from '../api/client';
import { formatBytes } from '../containers/format';
import { Checkbox } from '../ui/Checkbox';
import { LabelFilterField } from '../volumes/LabelFilterField';
import { CleanupDialog, type CleanupTexts } from '../shared/CleanupDialog';
import { diskStrings as t } from './strings';

const common = { cancel: t.cancel, close: t.close, failedLead: t.failedLead } satisfies Partial<CleanupTexts>;

/** Every container that is not running, paused or restarting; their volumes stay. */
export function ContainersCleanup({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const [labels, setLabels] = useState<string[]>([]);
  return (
    <CleanupDialog
      title={t.containers.title}
      options={<LabelFilterField onApply={setLabels} />}
      previewKey={labels.join('\n')}
      preview={async () => {
        const p = await api.call('containers.prunePreview', { labels });
        return {
          lead: t.containers.lead(p.items.length),
          items: p.items.map((c) => ({ key: c.id, label: c.name, detail: `${c.image} · ${c.state}`, size: c.size })),
        };
      }}
      run={async (items) => {
        const r = await api.call('containers.prune', { ids: items.map((i) => i.key) });
        return { message: t.containers.done(r.removed.length, formatBytes(r.spaceReclaimed)), failed: r.failed };
      }}
      texts={{ ...common, loading: t.containers.loading, nothing: t.containers.nothing, listLabel: t.containers.listLabel, confirm: t.containers.confirm }}
      onClose={onClose}
      onDone={onDone}
    />
  );
}

/** Build cache records nothing else holds, or every unused one when chosen. */
export function BuildCacheCleanup({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const [all, setAll] = useState(false);
  return (
    <CleanupDialog
      title={t.buildCache.title}
      options={
        <>
          <Checkbox label={t.buildCache.all} checked={all} onChange={setAll} />
          <p className="note">{t.buildCache.allHint}</p>
        </>
      }
      previewKey={String(all)}
      preview={async () => {
        const p = await api.call('buildCache.prunePreview', { all });
        return {
          lead: t.buildCache.lead(p.items.length, formatBytes(p.estimatedSpace)),
          items: p.items.map((r) => ({ key: r.id, label: r.description || r.id, detail: `${r.type}${r.shared ? ` · ${t.buildCache.shared}` : ''}`, size: r.size })),
        };
      }}
      run={async (items) => {
        const r = await api.call('buildCache.prune', { all, ids: items.map((i) => i.key) });
        return { message: t.buildCache.done(r.removed.length, formatBytes(r.spaceReclaimed)), failed: [] };
      }}
      texts={{ ...common, loading: t.buildCache.loading, nothing: t.buildCache.nothing, listLabel: t.buildCache.listLabel, confirm: t.buildCache.confirm }}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
