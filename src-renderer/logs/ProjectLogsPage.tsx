import { hrefs } from '../router/route';
import { PageHeader } from '../ui/PageHeader';
import { LogView } from './LogView';
import { logStrings as t } from './strings';
import { useLogSession } from './use-log-session';

/** One aggregated log of every container of a compose project. */
export function ProjectLogsPage({ project }: { project: string }) {
  const { session, tail, setTail, capacity, setCapacity } = useLogSession({ kind: 'project', project }, `p:${project}`);
  return (
    <section className="ui-page logs-page" aria-labelledby="project-logs-title">
      <PageHeader title={t.projectTitle(project)} titleId="project-logs-title" back={{ href: hrefs.containers(), label: t.backToContainers }} />
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
