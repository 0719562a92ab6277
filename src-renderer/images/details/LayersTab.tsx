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
import { Banner } from '../../ui/Banner';
import { DataTable, type Column } from '../../ui/DataTable';
import { FactList } from '../../ui/FactList';
import { Section } from '../../ui/Section';
import type { LayerEntry } from '../../../src-common/models/images';

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

  if (error)
    return (
      <Banner tone="danger" role="alert">
        {t.failed(error)}
      </Banner>
    );
  if (!data) return <p className="placeholder">{t.loading}</p>;
  const { layers, family } = data;
  const { sizes } = layers;
  type Row = LayerEntry & { n: number };
  const columns: Column<Row>[] = [
    { key: 'n', header: t.columns.index, width: '44px', numeric: true, cell: (e) => String(e.n) },
    { key: 'instruction', header: t.columns.instruction, overflow: 'anywhere', cell: (e) => <code>{e.instruction || e.createdBy || '—'}</code> },
    { key: 'size', header: t.columns.size, width: '92px', numeric: true, cell: (e) => formatBytes(e.size) },
    { key: 'created', header: t.columns.created, width: '196px', hideBelow: 'md', cell: (e) => (e.created ? formatFullDate(e.created) : '—') },
    {
      key: 'layer',
      header: t.columns.layer,
      width: '164px',
      hideBelow: 'sm',
      title: (e) => (e.diffId ? `${layerIndex.get(e.diffId)}: ${shortImageId(e.diffId)}\n${e.diffId}\nchain ${e.chainId ?? ''}` : e.addsLayer ? '—' : t.noLayer),
      cell: (e) =>
        e.diffId ? (
          <code>
            {layerIndex.get(e.diffId)}: {shortImageId(e.diffId)}
          </code>
        ) : e.addsLayer ? (
          '—'
        ) : (
          <span className="ui-muted">{t.noLayer}</span>
        ),
    },
    {
      key: 'shared',
      header: t.columns.shared,
      width: '24%',
      overflow: 'wrap',
      cell: (e) =>
        e.chainId === null ? (
          ''
        ) : e.sharedWith.length === 0 ? (
          <span className="ui-muted">{t.notShared}</span>
        ) : (
          <ul className="inline-list">
            {e.sharedWith.map((sw) => (
              <li key={`${sw.id}|${sw.name}`} className="ui-truncate" title={imageNameText(sw)}>
                <a href={hrefs.image(sw.id, 'layers')}>{imageNameText(sw)}</a>
              </li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <div className="layers-view">
      <Section title={t.sizes}>
        <FactList
          facts={[
            [t.total, formatBytes(sizes.total)],
            [t.shared, formatBytes(sizes.shared)],
            [
              t.unique,
              <>
                {formatBytes(sizes.unique)} <span className="ui-muted">{t.uniqueNote}</span>
              </>,
            ],
          ]}
        />
        <SizeBar shared={sizes.shared} unique={sizes.unique} />
      </Section>

      {layers.matching === 'size' && <Banner tone="warning">{t.matchingSize}</Banner>}
      {layers.matching === 'unmatched' && <Banner tone="warning">{t.matchingNone}</Banner>}

      <DataTable
        label={t.tableLabel}
        caption={t.tableLabel}
        columns={columns}
        rows={layers.entries.map((e, i) => ({ ...e, n: i + 1 }))}
        rowKey={(e) => String(e.n)}
        rowClassName={(e) => (e.addsLayer ? undefined : 'empty-layer')}
      />

      {layers.matching === 'unmatched' && (
        <Section title={t.diffIds}>
          <ol className="diff-ids">
            {layers.diffIds.map((d) => (
              <li key={d}>
                <code className="ui-wrap-anywhere">{d}</code>
              </li>
            ))}
          </ol>
        </Section>
      )}

      <Section title={t.family}>
        <p className="ui-muted">{t.familyLead}</p>
        <FamilyTree family={family} currentId={layers.id} />
      </Section>
    </div>
  );
}
