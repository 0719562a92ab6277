import type { ReactNode } from 'react';
import type { ContainerDetails } from '../../../src-common/index';
import { formatBytes, formatFullDate } from '../format';
import { PortLinks } from '../PortLinks';
import { isLive, portLabel } from '../rows';
import { containerStrings } from '../strings';
import { ContainerNetworks } from '../../networks/ContainerNetworks';

const t = containerStrings.details;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="overview-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function KeyValueTable({ columns, rows }: { columns: string[]; rows: ReactNode[][] }) {
  if (rows.length === 0) return <p className="placeholder">{t.none}</p>;
  return (
    <table className="kv-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const words = (parts: readonly string[]) => (parts.length === 0 ? t.none : parts.join(' '));
const splitEnv = (entry: string): [string, string] => {
  const at = entry.indexOf('=');
  return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
};

export function OverviewTab({ details: d }: { details: ContainerDetails }) {
  const s = d.summary;
  const f = t.fields;
  const facts: [string, ReactNode][] = [
    [f.image, s.image],
    [f.id, <code key="id">{s.id}</code>],
    [f.command, <code key="cmd">{words(d.cmd)}</code>],
    [f.entrypoint, <code key="ep">{words(d.entrypoint)}</code>],
    [f.workingDir, d.workingDir || t.none],
    [f.user, d.user || t.none],
    [f.created, formatFullDate(s.created)],
  ];
  if (d.startedAt) facts.push([f.startedAt, new Date(d.startedAt).toLocaleString()]);
  if (d.finishedAt && !isLive(s.state)) facts.push([f.finishedAt, new Date(d.finishedAt).toLocaleString()]);
  if (d.exitCode !== null && s.state !== 'running') facts.push([f.exitCode, String(d.exitCode)]);
  if (d.oomKilled) facts.push([f.oomKilled, t.yes]);
  if (s.composeProject) facts.push([f.compose, `${s.composeProject} / ${s.composeService ?? ''}`]);

  const resources: [string, ReactNode][] = [
    [f.restartPolicy, t.restartPolicy(d.restartPolicy.name, d.restartPolicy.maximumRetryCount)],
    [f.restartCount, String(d.restartCount)],
    [f.cpus, d.cpus === null ? t.unlimited : String(d.cpus)],
    [f.memory, d.memoryBytes === null ? t.unlimited : formatBytes(d.memoryBytes)],
  ];
  if (d.cpuShares !== null) resources.push([f.cpuShares, String(d.cpuShares)]);

  return (
    <div className="overview">
      <Section title={t.sections.general}>
        <FactList facts={facts} />
      </Section>
      <Section title={t.sections.resources}>
        <FactList facts={resources} />
      </Section>
      {d.health && (
        <Section title={t.sections.health}>
          <FactList
            facts={[
              [f.health, d.health.status],
              [f.failingStreak, String(d.health.failingStreak)],
              [f.lastHealthOutput, <code key="out">{d.health.lastOutput ?? t.none}</code>],
            ]}
          />
        </Section>
      )}
      <Section title={t.sections.ports}>
        <KeyValueTable
          columns={[t.portColumns.host, t.portColumns.container]}
          rows={d.summary.ports.map((p) => [
            p.publicPort === undefined ? t.notPublished : `${p.ip ?? ''}:${p.publicPort}`,
            portLabel({ ...p, publicPort: undefined }),
          ])}
        />
        <PortLinks ports={d.summary.ports} />
      </Section>
      <Section title={t.sections.env}>
        <KeyValueTable
          columns={[t.envColumns.name, t.envColumns.value]}
          rows={d.env.map((e) => splitEnv(e).map((x, i) => <code key={i}>{x}</code>))}
        />
      </Section>
      <Section title={t.sections.mounts}>
        <KeyValueTable
          columns={[t.mountColumns.type, t.mountColumns.source, t.mountColumns.destination, t.mountColumns.mode]}
          rows={d.mounts.map((m) => [
            m.type,
            <code key="s">{m.name ?? m.source}</code>,
            <code key="d">{m.destination}</code>,
            m.readOnly ? t.readOnly : t.readWrite,
          ])}
        />
      </Section>
      <Section title={t.sections.networks}>
        <ContainerNetworks details={d} />
      </Section>
      <Section title={t.sections.labels}>
        <KeyValueTable
          columns={[t.labelColumns.key, t.labelColumns.value]}
          rows={Object.entries(s.labels)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [<code key="k">{k}</code>, <code key="v">{v}</code>])}
        />
      </Section>
    </div>
  );
}

function FactList({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {facts.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
