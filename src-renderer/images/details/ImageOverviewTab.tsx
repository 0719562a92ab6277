import type { ReactNode } from 'react';
import type { ImageDetails } from '../../../src-common/models/images';
import { formatBytes, formatFullDate } from '../../containers/format';
import { hrefs } from '../../router/route';
import { shortImageId } from '../image-rows';
import { imageStrings } from '../strings';

const t = imageStrings.details;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="overview-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Facts({ facts }: { facts: [string, ReactNode][] }) {
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

function Pairs({ rows }: { rows: [string, string][] }) {
  if (rows.length === 0) return <p className="placeholder">{t.none}</p>;
  return (
    <table className="kv-table">
      <thead>
        <tr>
          <th scope="col">{t.keyColumn}</th>
          <th scope="col">{t.valueColumn}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, v], i) => (
          <tr key={i}>
            <td>
              <code>{k}</code>
            </td>
            <td>
              <code>{v}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const words = (parts: readonly string[]) => (parts.length ? <code>{parts.join(' ')}</code> : t.none);
const list = (parts: readonly string[]) => (parts.length ? parts.join(', ') : t.none);

export function ImageOverviewTab({ details: d }: { details: ImageDetails }) {
  const s = d.summary;
  const c = d.config;
  const f = t.fields;
  const platform = [c.os, c.architecture, c.variant].filter(Boolean).join('/');
  return (
    <div className="overview">
      <Section id="image-general" title={t.sections.general}>
        <Facts
          facts={[
            [f.id, <code key="id">{s.id}</code>],
            [f.tags, list(s.repoTags)],
            [f.digests, list(s.repoDigests)],
            [f.created, formatFullDate(s.created)],
            [f.size, formatBytes(s.size)],
            [f.parent, s.parentId ? <code key="p">{shortImageId(s.parentId)}</code> : t.none],
            [f.platform, platform || t.none],
          ]}
        />
      </Section>
      <Section id="image-config" title={t.sections.config}>
        <Facts
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
      <Section id="image-containers" title={t.sections.containers}>
        {d.containers.length === 0 ? (
          <p className="placeholder">{t.noContainers}</p>
        ) : (
          <table className="kv-table">
            <thead>
              <tr>
                <th scope="col">{t.containerColumns.name}</th>
                <th scope="col">{t.containerColumns.state}</th>
              </tr>
            </thead>
            <tbody>
              {d.containers.map((u) => (
                <tr key={u.id}>
                  <td>
                    <a href={hrefs.container(u.id)}>{u.name}</a>
                  </td>
                  <td>{u.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section id="image-env" title={t.sections.env}>
        <Pairs
          rows={c.env.map((e) => {
            const at = e.indexOf('=');
            return at === -1 ? [e, ''] : [e.slice(0, at), e.slice(at + 1)];
          })}
        />
      </Section>
      <Section id="image-labels" title={t.sections.labels}>
        <Pairs rows={Object.entries(c.labels).sort(([a], [b]) => a.localeCompare(b))} />
      </Section>
    </div>
  );
}
