import { useEffect, useMemo, useState } from 'react';
import type { ChangedPath, WritableLayerSize } from '../../../src-common/models/images';
import { api } from '../../api/client';
import { formatBytes } from '../format';
import { writableLayerStrings as t } from './writable-layer-strings';
import '../../images/images.css';

/**
 * The container's own writable layer: its size (SizeRw, computed by the engine only when
 * asked, never on a timer) and the paths it added, changed or deleted on top of the image.
 */
export function WritableLayerTab({ id, name }: { id: string; name: string }) {
  const [size, setSize] = useState<WritableLayerSize | null>(null);
  const [sizing, setSizing] = useState(false);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [changes, setChanges] = useState<ChangedPath[] | null>(null);
  const [changesError, setChangesError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    setChangesError(null);
    api.call('containers.changedPaths', { id }).then(
      (c) => current && setChanges(c),
      (err: unknown) => current && setChangesError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      current = false;
    };
  }, [id, reload]);

  const computeSize = async () => {
    setSizing(true);
    setSizeError(null);
    try {
      setSize(await api.call('containers.writableLayerSize', { id }));
    } catch (err) {
      setSizeError(err instanceof Error ? err.message : String(err));
    } finally {
      setSizing(false);
    }
  };

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (changes ?? []).filter((c) => !q || c.path.toLowerCase().includes(q));
  }, [changes, filter]);
  const counts = useMemo(() => {
    const out = { added: 0, modified: 0, deleted: 0 };
    for (const c of changes ?? []) out[c.kind] += 1;
    return out;
  }, [changes]);

  return (
    <div className="changes-view">
      <section aria-labelledby="writable-size">
        <h2 id="writable-size">{t.sizeTitle}</h2>
        <p className="note">{t.sizeLead}</p>
        <div className="changes-size">
          <button type="button" className="button" disabled={sizing} onClick={() => void computeSize()} aria-label={t.computeLabel(name)}>
            {sizing ? t.computing : t.compute}
          </button>
          {size && (
            <dl className="facts" aria-live="polite">
              <div className="fact">
                <dt>{t.sizeRw}</dt>
                <dd>{formatBytes(size.sizeRw)}</dd>
              </div>
              <div className="fact">
                <dt>{t.sizeRootFs}</dt>
                <dd>{formatBytes(size.sizeRootFs)}</dd>
              </div>
            </dl>
          )}
          {sizeError && <p role="alert">{sizeError}</p>}
        </div>
      </section>
      <section aria-labelledby="writable-changes">
        <h2 id="writable-changes">{t.changesTitle}</h2>
        <div className="changes-size">
          <input type="search" aria-label={t.filter} placeholder={t.filter} value={filter} onChange={(e) => setFilter(e.target.value)} />
          <button type="button" className="button" onClick={() => setReload((n) => n + 1)}>
            {t.refresh}
          </button>
          {changes && <span className="count">{t.counts(counts.added, counts.modified, counts.deleted)}</span>}
        </div>
        {changesError && <p role="alert">{changesError}</p>}
        {!changes && !changesError && <p className="placeholder">{t.loading}</p>}
        {changes && changes.length === 0 && <p className="placeholder">{t.none}</p>}
        {shown.length > 0 && (
          <table className="kv-table" aria-label={t.tableLabel}>
            <thead>
              <tr>
                <th scope="col">{t.kindColumn}</th>
                <th scope="col">{t.pathColumn}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.path}>
                  <td>
                    <span className={`change-kind change-${c.kind}`}>{t.kinds[c.kind]}</span>
                  </td>
                  <td>
                    <code>{c.path}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
