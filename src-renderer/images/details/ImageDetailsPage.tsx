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
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { TabPanel, Tabs } from '../../ui/Tabs';
import '../images.css';

const t = imageStrings.details;
const tabs: ImageTab[] = ['overview', 'layers', 'inspect'];

export function ImageDetailsPage({ id, tab }: { id: string; tab: ImageTab }) {
  useImagesLive();
  const { entity, state } = useImageDetails(id);

  if (state.kind === 'removed' || state.kind === 'not-found') {
    return (
      <section className="ui-page" aria-labelledby="image-gone">
        <EmptyState
          titleAs="h1"
          titleId="image-gone"
          title={state.kind === 'removed' ? t.removed : t.notFound}
          actions={
            <ButtonLink variant="primary" href={hrefs.images()}>
              {t.backToList}
            </ButtonLink>
          }
        />
      </section>
    );
  }

  const first = entity ? rowsOf(entity)[0] : undefined;
  const ref = entity ? refOf(entity, entity.repoTags[0] ?? null) : id;

  return (
    <section className="ui-page details-page image-details" aria-labelledby="image-title">
      <PageHeader
        title={ref}
        titleId="image-title"
        back={{ href: hrefs.images(), label: t.back }}
        meta={first && <RegistryBadge registry={first.registry} />}
        actions={entity && <ImageRowActions withText target={{ id: entity.id, tag: entity.repoTags[0] ?? null, ref }} />}
      />
      <Tabs label={t.tabsLabel} idPrefix="image" current={tab} tabs={tabs.map((name) => ({ id: name, label: t.tabs[name], href: hrefs.image(id, name) }))} />
      <TabPanel idPrefix="image" id={tab} className={`details-panel details-panel-${tab}`}>
        {state.kind === 'loading' && <p className="placeholder">{t.loading}</p>}
        {state.kind === 'failed' && <LoadFailed message={t.loadFailed(state.message)} onRetry={state.retry} />}
        {state.kind === 'ready' && tab === 'overview' && <ImageOverviewTab details={state.details} />}
        {state.kind === 'ready' && tab === 'layers' && <LayersTab imageId={state.details.summary.id} />}
        {state.kind === 'ready' && tab === 'inspect' && <InspectTab raw={state.details.raw} />}
      </TabPanel>
    </section>
  );
}
