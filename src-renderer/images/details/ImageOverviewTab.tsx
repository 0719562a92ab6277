import type { ImageDetails } from '../../../src-common/models/images';
import { formatBytes, formatFullDate } from '../../containers/format';
import { hrefs } from '../../router/route';
import { shortImageId } from '../image-rows';
import { imageStrings } from '../strings';
import { DataTable, type Column } from '../../ui/DataTable';
import { FactList } from '../../ui/FactList';
import { PairTable, sortedPairs } from '../../ui/PairTable';
import { Section } from '../../ui/Section';
import type { ImageUser } from '../../../src-common/models/images';

const t = imageStrings.details;

const words = (parts: readonly string[]) => (parts.length ? <code className="ui-wrap-anywhere">{parts.join(' ')}</code> : t.none);
const list = (parts: readonly string[]) => (parts.length ? parts.join(', ') : t.none);

const userColumns: Column<ImageUser>[] = [
  { key: 'name', header: t.containerColumns.name, title: (u) => u.name, cell: (u) => <a href={hrefs.container(u.id)}>{u.name}</a> },
  { key: 'state', header: t.containerColumns.state, width: '140px', cell: (u) => u.state },
];

export function ImageOverviewTab({ details: d }: { details: ImageDetails }) {
  const s = d.summary;
  const c = d.config;
  const f = t.fields;
  const platform = [c.os, c.architecture, c.variant].filter(Boolean).join('/');
  return (
    <div className="overview">
      <Section title={t.sections.general}>
        <FactList
          facts={[
            [f.id, <code key="id" className="ui-wrap-anywhere">{s.id}</code>],
            [f.tags, list(s.repoTags)],
            [f.digests, <span key="d" className="ui-wrap-anywhere">{list(s.repoDigests)}</span>],
            [f.created, formatFullDate(s.created)],
            [f.size, formatBytes(s.size)],
            [f.parent, s.parentId ? <code key="p">{shortImageId(s.parentId)}</code> : t.none],
            [f.platform, platform || t.none],
          ]}
        />
      </Section>
      <Section title={t.sections.config}>
        <FactList
          facts={[
            [f.entrypoint, words(c.entrypoint)],
            [f.cmd, words(c.cmd)],
            [f.workingDir, c.workingDir || t.none],
            [f.user, c.user || t.none],
            [f.ports, list(c.exposedPorts)],
            [f.volumes, list(c.volumes)],
          ]}
        />
      </Section>
      <Section title={t.sections.containers}>
        {d.containers.length === 0 ? (
          <p className="placeholder">{t.noContainers}</p>
        ) : (
          <DataTable label={t.sections.containers} columns={userColumns} rows={d.containers} rowKey={(u) => u.id} />
        )}
      </Section>
      <Section className="overview-wide" title={t.sections.env}>
        <PairTable
          label={t.sections.env}
          headers={[t.keyColumn, t.valueColumn]}
          empty={t.none}
          rows={c.env.map((e) => {
            const at = e.indexOf('=');
            return at === -1 ? [e, ''] : [e.slice(0, at), e.slice(at + 1)];
          })}
        />
      </Section>
      <Section className="overview-wide" title={t.sections.labels}>
        <PairTable label={t.sections.labels} headers={[t.keyColumn, t.valueColumn]} rows={sortedPairs(c.labels)} empty={t.none} />
      </Section>
    </div>
  );
}
