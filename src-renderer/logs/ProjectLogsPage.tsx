import { hrefs } from '../router/route';
import { LogView } from './LogView';
import { logStrings as t } from './strings';
import { useLogSession } from './use-log-session';

/** One aggregated log of every container of a compose project. */
export function ProjectLogsPage({ project }: { project: string }) {
  const { session, tail, setTail, capacity, setCapacity } = useLogSession({ kind: 'project', project }, `p:${project}`);
  return (
    <section className="page logs-page" aria-labelledby="project-logs-title">
      <a className="back-link" href={hrefs.containers()}>
        ← {t.backToContainers}
      </a>
      <h1 id="project-logs-title">{t.projectTitle(project)}</h1>
      {session && (
        <LogView
          session={session}
          name={project}
          tail={tail}
          onTailChange={setTail}
          capacity={capacity}
          onCapacityChange={setCapacity}
          aggregated
        />
      )}
    </section>
  );
}
