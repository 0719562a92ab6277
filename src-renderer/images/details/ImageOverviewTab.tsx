import type { ImageDetails } from '../../../src-common/models/images';
import { formatBytes, formatFullDate } from '../../containers/format';
import { hrefs } from '../../router/route';
import { shortImageId } from '../image-rows';
import { imageStrings } from '../strings';
import { DataTable, type Column } from '../../ui/DataTable';
import { FactList } from '../../ui/FactList';
import { Section } from '../../ui/Section';
import type { ImageUser } from '../../../src-common/models/images';

const t = imageStrings.details;

/** Name → value pairs: names one line, values (machine text) wrap anywhere. */
function Pairs({ label, rows }: { label: string; rows: [string, string][] }) {
  if (rows.length === 0) return <p className="placeholder">{t.none}</p>;
  const columns: Column<[string, string]>[] = [
    { key: 'k', header: t.keyColumn, width: '36%', cell: ([k]) => <code>{k}</code>, title: ([k]) => k },
    { key: 'v', header: t.valueColumn, overflow: 'anywhere', cell: ([, v]) => <code>{v}</code> },
  ];
  return <DataTable label={label} columns={columns} rows={rows} rowKey={([k, v]) => `${k}=${v}`} />;
}

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
        <Pairs
          label={t.sections.env}
          rows={c.env.map((e) => {
            const at = e.indexOf('=');
            return at === -1 ? [e, ''] : [e.slice(0, at), e.slice(at + 1)];
          })}
        />
      </Section>
      <Section className="overview-wide" title={t.sections.labels}>
        <Pairs label={t.sections.labels} rows={Object.entries(c.labels).sort(([a], [b]) => a.localeCompare(b))} />
      </Section>
    </div>
  );
}
