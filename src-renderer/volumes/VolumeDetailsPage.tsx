import { Trash2 } from 'lucide-react';
import type { VolumeSummary } from '../../src-common/models/volumes';
import { hrefs, type VolumeTab } from '../router/route';
import { useBerthStore } from '../store/store';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ButtonLink } from '../ui/ButtonLink';
import { EmptyState } from '../ui/EmptyState';
import { FactList } from '../ui/FactList';
import { PageHeader } from '../ui/PageHeader';
import { Section } from '../ui/Section';
import { TabPanel, Tabs } from '../ui/Tabs';
import { volumeStrings } from './strings';
import { useVolumesLive } from './use-volumes-live';
import { VolumeFiles } from './VolumeFiles';
import './volumes.css';
import { ScrollList } from '../ui/ScrollList';

const t = volumeStrings.details;
const TABS: VolumeTab[] = ['overview', 'files'];

const pairs = (record: Record<string, string>, none: string) =>
  Object.keys(record).length === 0 ? <p className="note">{none}</p> : <FactList facts={Object.entries(record).sort(([a], [b]) => a.localeCompare(b))} />;

function Overview({ volume }: { volume: VolumeSummary }) {
  return (
    <div className="volume-details">
      <Section title={t.facts}>
        <FactList
          facts={[
            [t.kind, volume.anonymous ? volumeStrings.anonymous : t.named],
            [t.driver, volume.driver],
            [t.scope, volume.scope],
            [t.created, volume.created ? new Date(volume.created).toLocaleString() : '—'],
            [t.project, volume.composeProject ?? '—'],
            [t.mountpoint, <code className="ui-wrap-anywhere">{volume.mountpoint}</code>],
          ]}
        />
      </Section>
      <Section title={t.usedBy}>
        {volume.usedBy.length === 0 ? (
          <p className="note">{t.unusedNote}</p>
        ) : (
          <ScrollList className="volume-list">
            {volume.usedBy.map((u) => (
              <li key={u.id}>
                <a href={hrefs.container(u.id)}>{u.name}</a> <span className="note">({u.state})</span>
              </li>
            ))}
          </ScrollList>
        )}
      </Section>
      <Section title={t.labels}>{pairs(volume.labels, t.noLabels)}</Section>
      <Section title={t.options}>{pairs(volume.options, t.noOptions)}</Section>
    </div>
  );
}

export function VolumeDetailsPage({ name, tab }: { name: string; tab: VolumeTab }) {
  useVolumesLive();
  const volume = useBerthStore((s) => s.volumes[name]);
  const loaded = useBerthStore((s) => s.volumesLoaded);

  if (loaded && !volume) {
    return (
      <section className="ui-page" aria-labelledby="volume-gone">
        <EmptyState
          titleAs="h1"
          titleId="volume-gone"
          title={t.notFound}
          actions={
            <ButtonLink variant="primary" href={hrefs.volumes()}>
              {t.backToList}
            </ButtonLink>
          }
        />
      </section>
    );
  }

  return (
    <section className="ui-page volume-page" aria-labelledby="volume-title">
      <PageHeader
        title={name}
        titleId="volume-title"
        back={{ href: hrefs.volumes(), label: t.back }}
        meta={volume?.anonymous ? <Badge>{volumeStrings.anonymous}</Badge> : undefined}
        actions={
          <Button variant="danger" icon={Trash2} aria-label={volumeStrings.actions.remove(name)} onClick={() => useBerthStore.getState().openVolumeDialog({ kind: 'remove', name })}>
            {volumeStrings.removeDialog.confirm}
          </Button>
        }
      />
      <Tabs label={t.tabsLabel} idPrefix="volume" current={tab} tabs={TABS.map((id) => ({ id, label: t.tabs[id], href: hrefs.volume(name, id) }))} />
      <TabPanel idPrefix="volume" id={tab} className="details-panel">
        {!volume ? <p className="placeholder">{volumeStrings.loading}</p> : tab === 'overview' ? <Overview volume={volume} /> : <VolumeFiles name={name} />}
      </TabPanel>
    </section>
  );
}
