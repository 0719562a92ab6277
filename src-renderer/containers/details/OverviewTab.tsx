import type { ReactNode } from 'react';
import type { ContainerDetails } from '../../../src-common/index';
import { DataTable, type Column } from '../../ui/DataTable';
import { FactList, type Fact } from '../../ui/FactList';
import { PairTable, sortedPairs } from '../../ui/PairTable';
import { Section } from '../../ui/Section';
import { formatBytes, formatFullDate } from '../format';
import { PortLinks } from '../PortLinks';
import { isLive, portLabel } from '../rows';
import { containerStrings } from '../strings';
import { ContainerNetworks } from '../../networks/ContainerNetworks';

const t = containerStrings.details;

/** Long machine text (ids, commands, paths): may wrap at any character. */
const code = (text: string) => <code className="ui-wrap-anywhere">{text}</code>;
const words = (parts: readonly string[]) => (parts.length === 0 ? t.none : code(parts.join(' ')));
const splitEnv = (entry: string): [string, string] => {
  const at = entry.indexOf('=');
  return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
};

export function OverviewTab({ details: d }: { details: ContainerDetails }) {
  const s = d.summary;
  const f = t.fields;
  const facts: Fact[] = [
    [f.image, s.image],
    [f.id, code(s.id)],
    [f.command, words(d.cmd)],
    [f.entrypoint, words(d.entrypoint)],
    [f.workingDir, d.workingDir ? code(d.workingDir) : t.none],
    [f.user, d.user || t.none],
    [f.created, formatFullDate(s.created)],
  ];
  if (d.startedAt) facts.push([f.startedAt, new Date(d.startedAt).toLocaleString()]);
  if (d.finishedAt && !isLive(s.state)) facts.push([f.finishedAt, new Date(d.finishedAt).toLocaleString()]);
  if (d.exitCode !== null && s.state !== 'running') facts.push([f.exitCode, String(d.exitCode)]);
  if (d.oomKilled) facts.push([f.oomKilled, t.yes]);
  if (s.composeProject) facts.push([f.compose, `${s.composeProject} / ${s.composeService ?? ''}`]);

  const resources: Fact[] = [
    [f.restartPolicy, t.restartPolicy(d.restartPolicy.name, d.restartPolicy.maximumRetryCount)],
    [f.restartCount, String(d.restartCount)],
    [f.cpus, d.cpus === null ? t.unlimited : String(d.cpus)],
    [f.memory, d.memoryBytes === null ? t.unlimited : formatBytes(d.memoryBytes)],
  ];
  if (d.cpuShares !== null) resources.push([f.cpuShares, String(d.cpuShares)]);

  type Port = (typeof s.ports)[number];
  type Mount = (typeof d.mounts)[number];
  const portColumns: Column<Port>[] = [
    { key: 'host', header: t.portColumns.host, cell: (p) => (p.publicPort === undefined ? t.notPublished : `${p.ip ?? ''}:${p.publicPort}`) },
    { key: 'container', header: t.portColumns.container, cell: (p) => portLabel({ ...p, publicPort: undefined }) },
  ];
  const mountColumns: Column<Mount>[] = [
    { key: 'type', header: t.mountColumns.type, width: '84px', cell: (m) => m.type },
    { key: 'source', header: t.mountColumns.source, overflow: 'anywhere', cell: (m) => <code>{m.name ?? m.source}</code> },
    { key: 'dest', header: t.mountColumns.destination, overflow: 'anywhere', cell: (m) => <code>{m.destination}</code> },
    { key: 'mode', header: t.mountColumns.mode, width: '96px', cell: (m) => (m.readOnly ? t.readOnly : t.readWrite) },
  ];

  const sections: ReactNode[] = [
    <Section key="general" title={t.sections.general}>
      <FactList facts={facts} />
    </Section>,
    <Section key="resources" title={t.sections.resources}>
      <FactList facts={resources} />
    </Section>,
  ];
  if (d.health) {
    sections.push(
      <Section key="health" title={t.sections.health}>
        <FactList
          facts={[
            [f.health, d.health.status],
            [f.failingStreak, String(d.health.failingStreak)],
            [f.lastHealthOutput, d.health.lastOutput ? code(d.health.lastOutput) : t.none],
          ]}
        />
      </Section>,
    );
  }

  return (
    <div className="overview">
      {sections}
      <Section title={t.sections.ports}>
        {s.ports.length === 0 ? <p className="placeholder">{t.none}</p> : <DataTable label={t.sections.ports} columns={portColumns} rows={s.ports} rowKey={(p) => `${p.ip ?? ''}:${p.publicPort ?? ''}:${p.privatePort}/${p.type}`} />}
        <PortLinks ports={s.ports} />
      </Section>
      <Section title={t.sections.networks}>
        <ContainerNetworks details={d} />
      </Section>
      <Section title={t.sections.env} className="overview-wide">
        <PairTable label={t.sections.env} headers={[t.envColumns.name, t.envColumns.value]} rows={d.env.map(splitEnv)} empty={t.none} />
      </Section>
      <Section title={t.sections.mounts} className="overview-wide">
        {d.mounts.length === 0 ? <p className="placeholder">{t.none}</p> : <DataTable label={t.sections.mounts} columns={mountColumns} rows={d.mounts} rowKey={(m) => m.destination} />}
      </Section>
      <Section title={t.sections.labels} className="overview-wide">
        <PairTable label={t.sections.labels} headers={[t.labelColumns.key, t.labelColumns.value]} rows={sortedPairs(s.labels)} empty={t.none} />
      </Section>
    </div>
  );
}
