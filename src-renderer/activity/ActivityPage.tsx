import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { History, SearchX } from 'lucide-react';
import { useImagesLive } from '../images/use-images-live';
import { useNetworksLive } from '../networks/use-networks-live';
import { useVolumesLive } from '../volumes/use-volumes-live';
import { useBerthStore } from '../store/store';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { SearchField } from '../ui/SearchField';
import { ACTIVITY_TYPES, type ActivityTypeFilter } from './activity-feed';
import { objectHref } from './activity-links';
import { ActivityRow } from './ActivityRow';
import { activityStrings as t } from './strings';
import { activityFeed, useActivityFeed } from './use-activity-feed';
import './activity.css';

const ROW_HEIGHT = 36;
const OVERSCAN = 12;

/** The engine's events since Berth connected, newest first, filtered by type and object; 5,000 rows stay smooth. */
export function ActivityPage() {
  const version = useActivityFeed();
  // Links go only to objects that still exist: the image, network and volume lists are live while the page is open.
  useImagesLive();
  useNetworksLive();
  useVolumesLive();
  const containers = useBerthStore((s) => s.containers);
  const images = useBerthStore((s) => s.images);
  const networks = useBerthStore((s) => s.networks);
  const volumes = useBerthStore((s) => s.volumes);
  const [types, setTypes] = useState<ReadonlySet<ActivityTypeFilter>>(() => new Set(ACTIVITY_TYPES));
  const [text, setText] = useState('');
  // `version` changes when entries arrive: recompute the view then, not on every render.
  const rows = useMemo(() => activityFeed.view({ types, text }), [version, types, text]);
  const live = { containers, images, networks, volumes };

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN });
  const toggle = (type: ActivityTypeFilter, on: boolean) =>
    setTypes((s) => {
      const next = new Set(s);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
  const filtered = text.trim() !== '' || types.size < ACTIVITY_TYPES.length;

  return (
    <section className="ui-page activity-page" aria-labelledby="activity-title">
      <PageHeader
        title={t.title}
        titleId="activity-title"
        meta={activityFeed.loaded ? <span className="activity-muted" role="status">{t.count(rows.length, activityFeed.size)}</span> : undefined}
      >
        {t.subtitle} {t.capacityNote(5_000)}
      </PageHeader>
      <div className="activity-filters">
        <SearchField label={t.filterLabel} placeholder={t.filterPlaceholder} value={text} onChange={setText} />
        <fieldset className="activity-types">
          <legend>{t.typesLabel}</legend>
          {ACTIVITY_TYPES.map((type) => (
            <Checkbox key={type} label={t.types[type]} checked={types.has(type)} onChange={(on) => toggle(type, on)} />
          ))}
        </fieldset>
      </div>
      {!activityFeed.loaded ? (
        <p className="activity-muted">{t.loading}</p>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={filtered ? SearchX : History}
          title={filtered ? t.emptyFiltered : t.empty}
          actions={
            filtered ? (
              <Button
                onClick={() => {
                  setText('');
                  setTypes(new Set(ACTIVITY_TYPES));
                }}
              >
                {t.clearFilters}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <div ref={scrollRef} className="activity-scroll">
          <ul className="activity-list" aria-label={t.listLabel} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const entry = rows[item.index]!;
              return (
                <li key={entry.seq} className="activity-item" style={{ transform: `translateY(${item.start}px)` }}>
                  <ActivityRow entry={entry} href={objectHref(entry, live)} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
