import { useRef, type KeyboardEvent } from 'react';
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

// xterm and the log view are the heaviest parts of the UI: kept out of the first screen's
// code, loaded once the app is idle (or when first opened, if that comes sooner).
const TerminalTab = lazyNamed(() => import('../../terminal/TerminalTab'), 'TerminalTab');
const LogsTab = lazyNamed(() => import('../../logs/LogsTab'), 'LogsTab');
preloadWhenIdle(LogsTab, TerminalTab);

const t = containerStrings.details;
const tabs: DetailsTab[] = ['overview', 'inspect', 'logs', 'terminal', 'changes'];

export function ContainerDetailsPage({ id, tab }: { id: string; tab: DetailsTab }) {
  const { entity, state } = useContainerDetails(id);
  const tabRefs = useRef<Partial<Record<DetailsTab, HTMLAnchorElement | null>>>({});

  // The Logs tab stays to say the container was removed.
  if (state.kind === 'not-found' || (state.kind === 'removed' && tab !== 'logs')) {
    return (
      <section className="page page-message" aria-labelledby="details-gone">
        <h1 id="details-gone">{state.kind === 'removed' ? t.removed : t.notFound}</h1>
        <a href={hrefs.containers()}>{t.backToList}</a>
      </section>
    );
  }

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    e.preventDefault();
    window.location.hash = hrefs.container(id, next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="page details-page" aria-labelledby="details-title">
      <a className="back-link" href={hrefs.containers()}>
        ← {t.back}
      </a>
      <header className="details-header">
        <h1 id="details-title">{entity?.name ?? id}</h1>
        {entity && <StateBadge container={entity} />}
        {entity && (
          <StatusLine
            className="details-status"
            // The inspect has the engine's exact times; the list's are exact to its wording.
            facts={state.kind === 'ready' && state.details.summary.state === entity.state ? state.details.summary : entity}
          />
        )}
        {entity && <ContainerActions container={entity} withText />}
      </header>
      <div role="tablist" aria-label={t.tabsLabel} className="tabs" onKeyDown={onTabKey}>
        {tabs.map((name) => (
          <a
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            role="tab"
            id={`tab-${name}`}
            href={hrefs.container(id, name)}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
          >
            {t.tabs[name]}
          </a>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'logs' && (entity || state.kind === 'removed') && <LogsTab id={entity?.id ?? id} name={entity?.name ?? id} />}
        {state.kind === 'loading' && tab !== 'logs' && <p className="placeholder">{t.loading}</p>}
        {state.kind === 'failed' && <p role="alert">{t.loadFailed(state.message)}</p>}
        {tab === 'terminal' && entity && <TerminalTab container={entity} />}
        {tab === 'changes' && entity && <WritableLayerTab id={entity.id} name={entity.name} />}
        {state.kind === 'ready' &&
          tab !== 'terminal' &&
          tab !== 'logs' &&
          tab !== 'changes' &&
          (tab === 'overview' ? <OverviewTab details={state.details} /> : <InspectTab raw={state.details.raw} />)}
      </div>
    </section>
  );
}
