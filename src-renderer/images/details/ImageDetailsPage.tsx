import { useRef, type KeyboardEvent } from 'react';
import { hrefs, type ImageTab } from '../../router/route';
import { InspectTab } from '../../containers/details/InspectTab';
import { ImageRowActions } from '../ImageRowActions';
import { refOf, rowsOf } from '../image-rows';
import { RegistryBadge } from '../RegistryBadge';
import { imageStrings } from '../strings';
import { useImagesLive } from '../use-images-live';
import { ImageOverviewTab } from './ImageOverviewTab';
import { LoadFailed } from '../../shared/LoadFailed';
import { LayersTab } from './LayersTab';
import { useImageDetails } from './use-image-details';
import '../images.css';

const t = imageStrings.details;
const tabs: ImageTab[] = ['overview', 'layers', 'inspect'];

export function ImageDetailsPage({ id, tab }: { id: string; tab: ImageTab }) {
  useImagesLive();
  const { entity, state } = useImageDetails(id);
  const tabRefs = useRef<Partial<Record<ImageTab, HTMLAnchorElement | null>>>({});

  if (state.kind === 'removed' || state.kind === 'not-found') {
    return (
      <section className="page page-message" aria-labelledby="image-gone">
        <h1 id="image-gone">{state.kind === 'removed' ? t.removed : t.notFound}</h1>
        <a href={hrefs.images()}>{t.backToList}</a>
      </section>
    );
  }

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    e.preventDefault();
    window.location.hash = hrefs.image(id, next);
    tabRefs.current[next]?.focus();
  };

  const first = entity ? rowsOf(entity)[0] : undefined;
  const ref = entity ? refOf(entity, entity.repoTags[0] ?? null) : id;

  return (
    <section className="page details-page image-details" aria-labelledby="image-title">
      <a className="back-link" href={hrefs.images()}>
        ← {t.back}
      </a>
      <header className="details-header">
        <h1 id="image-title">{ref}</h1>
        {first && <RegistryBadge registry={first.registry} />}
        {entity && <ImageRowActions target={{ id: entity.id, tag: entity.repoTags[0] ?? null, ref }} />}
      </header>
      <div role="tablist" aria-label={t.tabsLabel} className="tabs" onKeyDown={onTabKey}>
        {tabs.map((name) => (
          <a
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            role="tab"
            id={`image-tab-${name}`}
            href={hrefs.image(id, name)}
            aria-selected={tab === name}
            aria-controls={`image-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
          >
            {t.tabs[name]}
          </a>
        ))}
      </div>
      <div role="tabpanel" id={`image-panel-${tab}`} aria-labelledby={`image-tab-${tab}`} className="tab-panel">
        {state.kind === 'loading' && <p className="placeholder">{t.loading}</p>}
        {state.kind === 'failed' && <LoadFailed message={t.loadFailed(state.message)} onRetry={state.retry} />}
        {state.kind === 'ready' && tab === 'overview' && <ImageOverviewTab details={state.details} />}
        {state.kind === 'ready' && tab === 'layers' && <LayersTab imageId={state.details.summary.id} />}
        {state.kind === 'ready' && tab === 'inspect' && <InspectTab raw={state.details.raw} />}
      </div>
    </section>
  );
}
