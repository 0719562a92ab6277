import { hrefs, type DetailsTab } from '../../router/route';
import { ContainerActions } from '../ContainerActions';
import { StateBadge } from '../StateBadge';
import { StatusLine } from '../StatusLine';
import { containerStrings } from '../strings';
import { InspectTab } from './InspectTab';
import { OverviewTab } from './OverviewTab';
import { useContainerDetails } from './use-container-details';
import { lazyNamed, preloadWhenIdle } from '../../shell/lazy-named';
import { WritableLayerTab } from './WritableLayerTab';
import { PageHeader } from '../../ui/PageHeader';
import { TabPanel, Tabs } from '../../ui/Tabs';
import { EmptyState } from '../../ui/EmptyState';
import { ButtonLink } from '../../ui/ButtonLink';
import { LoadFailed } from '../../shared/LoadFailed';

// xterm and the log view are the heaviest parts of the UI: kept out of the first screen's
// code, loaded once the app is idle (or when first opened, if that comes sooner).
const TerminalTab = lazyNamed(() => import('../../terminal/TerminalTab'), 'TerminalTab');
const LogsTab = lazyNamed(() => import('../../logs/LogsTab'), 'LogsTab');
const FileBrowser = lazyNamed(() => import('../../files/FileBrowser'), 'FileBrowser');
const StatsTab = lazyNamed(() => import('../../stats/StatsTab'), 'StatsTab');
preloadWhenIdle(LogsTab, TerminalTab);

const t = containerStrings.details;
const tabs: DetailsTab[] = ['overview', 'inspect', 'logs', 'terminal', 'stats', 'files', 'changes'];

export function ContainerDetailsPage({ id, tab }: { id: string; tab: DetailsTab }) {
  const { entity, state } = useContainerDetails(id);

  // The Logs tab stays to say the container was removed.
  if (state.kind === 'not-found' || (state.kind === 'removed' && tab !== 'logs')) {
    return (
      <section className="ui-page" aria-labelledby="details-gone">
        <EmptyState
          titleAs="h1"
          titleId="details-gone"
          title={state.kind === 'removed' ? t.removed : t.notFound}
          actions={
            <ButtonLink variant="primary" href={hrefs.containers()}>
              {t.backToList}
            </ButtonLink>
          }
        />
      </section>
    );
  }

  return (
    <section className="ui-page details-page" aria-labelledby="details-title">
      <PageHeader
        title={entity?.name ?? id}
        titleId="details-title"
        back={{ href: hrefs.containers(), label: t.back }}
        meta={entity && <StateBadge container={entity} />}
        actions={entity && <ContainerActions container={entity} withText />}
      >
        {entity && (
          <StatusLine
            className="ui-truncate"
            // The inspect has the engine's exact times; the list's are exact to its wording.
            facts={state.kind === 'ready' && state.details.summary.state === entity.state ? state.details.summary : entity}
          />
        )}
      </PageHeader>
      <Tabs
        label={t.tabsLabel}
        idPrefix="container"
        current={tab}
        tabs={tabs.map((name) => ({ id: name, label: t.tabs[name], href: hrefs.container(id, name) }))}
      />
      <TabPanel idPrefix="container" id={tab} className={`details-panel details-panel-${tab}`}>
        {tab === 'logs' && (entity || state.kind === 'removed') && <LogsTab id={entity?.id ?? id} name={entity?.name ?? id} />}
        {state.kind === 'loading' && tab !== 'logs' && <p className="placeholder">{t.loading}</p>}
        {state.kind === 'failed' && <LoadFailed message={t.loadFailed(state.message)} onRetry={state.retry} />}
        {tab === 'terminal' && entity && <TerminalTab container={entity} />}
        {tab === 'changes' && entity && <WritableLayerTab id={entity.id} name={entity.name} />}
        {tab === 'files' && entity && <FileBrowser target={{ kind: 'container', id: entity.id }} rootName={entity.name} />}
        {tab === 'stats' && entity && <StatsTab id={entity.id} name={entity.name} state={entity.state} />}
        {state.kind === 'ready' &&
          tab !== 'terminal' &&
          tab !== 'logs' &&
          tab !== 'changes' &&
          tab !== 'files' &&
          tab !== 'stats' &&
          (tab === 'overview' ? <OverviewTab details={state.details} /> : <InspectTab raw={state.details.raw} />)}
      </TabPanel>
    </section>
  );
}
