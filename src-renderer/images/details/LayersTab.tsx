import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { imageNameText, type ImageFamily, type ImageLayers } from '../../../src-common/models/images';
import { api } from '../../api/client';
import { formatBytes, formatFullDate } from '../../containers/format';
import { hrefs } from '../../router/route';
import { useBerthStore } from '../../store/store';
import { shortImageId } from '../image-rows';
import { imageStrings } from '../strings';
import { FamilyTree } from './FamilyTree';
import { SizeBar } from './SizeBar';

const t = imageStrings.layers;

type Loaded = { layers: ImageLayers; family: ImageFamily };

/**
 * History base first, matched to layers; what each layer shares with which image; the
 * image's total/shared/unique size; the family tree of all local images. Asked again
 * only when the set of local images changes (an engine event), since sharing depends on it.
 */
export function LayersTab({ imageId }: { imageId: string }) {
  const idsKey = useBerthStore(useShallow((s) => Object.keys(s.images).sort())).join(',');
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([api.call('images.layers', { id: imageId }), api.call('images.family', {})]).then(
      ([layers, family]) => current && setData({ layers, family }),
      (err: unknown) => current && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      current = false;
    };
  }, [imageId, idsKey]);

  const layerIndex = useMemo(() => {
    const map = new Map<string, number>();
    data?.layers.diffIds.forEach((d, i) => map.set(d, i + 1));
    return map;
  }, [data]);

  if (error) return <p role="alert">{t.failed(error)}</p>;
  if (!data) return <p className="placeholder">{t.loading}</p>;
  const { layers, family } = data;
  const { sizes } = layers;

  return (
    <div className="layers-view">
      <section aria-labelledby="layers-sizes" className="layers-sizes">
        <h2 id="layers-sizes">{t.sizes}</h2>
        <dl className="facts size-facts">
          <div className="fact">
            <dt>{t.total}</dt>
            <dd>{formatBytes(sizes.total)}</dd>
          </div>
          <div className="fact">
            <dt>{t.shared}</dt>
            <dd>{formatBytes(sizes.shared)}</dd>
          </div>
          <div className="fact">
            <dt>{t.unique}</dt>
            <dd>
              {formatBytes(sizes.unique)} <span className="note">{t.uniqueNote}</span>
            </dd>
          </div>
        </dl>
        <SizeBar shared={sizes.shared} unique={sizes.unique} />
      </section>

      {layers.matching === 'size' && <p className="note warning">{t.matchingSize}</p>}
      {layers.matching === 'unmatched' && <p className="note warning">{t.matchingNone}</p>}

      <table className="layers-table kv-table">
        <caption>{t.tableLabel}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.index}</th>
            <th scope="col">{t.columns.instruction}</th>
            <th scope="col">{t.columns.size}</th>
            <th scope="col">{t.columns.created}</th>
            <th scope="col">{t.columns.layer}</th>
            <th scope="col">{t.columns.shared}</th>
          </tr>
        </thead>
        <tbody>
          {layers.entries.map((e, i) => (
            <tr key={i} className={e.addsLayer ? undefined : 'empty-layer'}>
              <td>{i + 1}</td>
              <td className="instruction">
                <code>{e.instruction || e.createdBy || '—'}</code>
              </td>
              <td className="num">{formatBytes(e.size)}</td>
              <td>{e.created ? formatFullDate(e.created) : '—'}</td>
              <td>
                {e.diffId ? (
                  <code title={`${e.diffId}\nchain ${e.chainId ?? ''}`}>
                    {layerIndex.get(e.diffId)}: {shortImageId(e.diffId)}
                  </code>
                ) : e.addsLayer ? (
                  '—'
                ) : (
                  <span className="note">{t.noLayer}</span>
                )}
              </td>
              <td className="shared-with">
                {e.chainId === null ? (
                  ''
                ) : e.sharedWith.length === 0 ? (
                  <span className="note">{t.notShared}</span>
                ) : (
                  <ul className="inline-list">
                    {e.sharedWith.map((s) => (
                      <li key={`${s.id}|${s.name}`}>
                        <a href={hrefs.image(s.id, 'layers')}>{imageNameText(s)}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {layers.matching === 'unmatched' && (
        <section aria-labelledby="layers-diffids">
          <h2 id="layers-diffids">{t.diffIds}</h2>
          <ol className="diff-ids">
            {layers.diffIds.map((d) => (
              <li key={d}>
                <code>{d}</code>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="layers-family" className="layers-family">
        <h2 id="layers-family">{t.family}</h2>
        <p className="note">{t.familyLead}</p>
        <FamilyTree family={family} currentId={layers.id} />
      </section>
    </div>
  );
}
