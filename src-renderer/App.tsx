import { ContainersPage } from './containers/ContainersPage';
import { useRoute } from './router/use-route';
import { hrefs } from './router/route';
import { Sidebar } from './shell/Sidebar';
import { StatusBar } from './shell/StatusBar';
import { Notices } from './shell/Notices';
import { UnreachableScreen } from './shell/UnreachableScreen';
import { FailureBoundary } from './shell/FailureBoundary';
import { EngineBanner } from './shell/EngineBanner';
import { shellStrings } from './shell/strings';
import { useBerthStore } from './store/store';
import { DesktopIntegration } from './keyboard/DesktopIntegration';
import { DialogHosts } from './shell/DialogHosts';
import { registerBuildRunImageActions } from './run/image-actions';
import { lazyNamed, preloadWhenIdle } from './shell/lazy-named';
import { Toasts } from './ui/Toasts';
import { ButtonLink } from './ui/ButtonLink';
import { EmptyState } from './ui/EmptyState';

registerBuildRunImageActions();

// Only the containers list is in the first screen's code; a container's details page is
// the next thing users open, so its code loads once the list is up.
const ContainerDetailsPage = lazyNamed(() => import('./containers/details/ContainerDetailsPage'), 'ContainerDetailsPage');
preloadWhenIdle(ContainerDetailsPage);
const ProjectLogsPage = lazyNamed(() => import('./logs/ProjectLogsPage'), 'ProjectLogsPage');
const SettingsPage = lazyNamed(() => import('./settings/SettingsPage'), 'SettingsPage');
const RegistriesPage = lazyNamed(() => import('./registries/RegistriesPage'), 'RegistriesPage');
const ImagesPage = lazyNamed(() => import('./images/ImagesPage'), 'ImagesPage');
const ImageDetailsPage = lazyNamed(() => import('./images/details/ImageDetailsPage'), 'ImageDetailsPage');
const BuildPage = lazyNamed(() => import('./build/BuildPage'), 'BuildPage');
const VolumesPage = lazyNamed(() => import('./volumes/VolumesPage'), 'VolumesPage');
const VolumeDetailsPage = lazyNamed(() => import('./volumes/VolumeDetailsPage'), 'VolumeDetailsPage');
const DiskUsagePage = lazyNamed(() => import('./disk-usage/DiskUsagePage'), 'DiskUsagePage');
const NetworksPage = lazyNamed(() => import('./networks/NetworksPage'), 'NetworksPage');
const NetworkDetailsPage = lazyNamed(() => import('./networks/NetworkDetailsPage'), 'NetworkDetailsPage');
const ActivityPage = lazyNamed(() => import('./activity/ActivityPage'), 'ActivityPage');

function Page() {
  const route = useRoute();
  switch (route.page) {
    case 'containers':
      return <ContainersPage />;
    case 'container':
      return <ContainerDetailsPage key={route.id} id={route.id} tab={route.tab} />;
    case 'project-logs':
      return <ProjectLogsPage key={route.project} project={route.project} />;
    case 'settings':
      return <SettingsPage />;
    case 'registries':
      return <RegistriesPage />;
    case 'images':
      return <ImagesPage />;
    case 'build':
      return <BuildPage />;
    case 'image':
      return <ImageDetailsPage key={route.id} id={route.id} tab={route.tab} />;
    case 'volumes':
      return <VolumesPage />;
    case 'volume':
      return <VolumeDetailsPage key={route.name} name={route.name} tab={route.tab} />;
    case 'disk-usage':
      return <DiskUsagePage />;
    case 'networks':
      return <NetworksPage />;
    case 'network':
      return <NetworkDetailsPage key={route.id} id={route.id} />;
    case 'activity':
      return <ActivityPage />;
    case 'not-found':
      return (
        <section className="ui-page" aria-labelledby="not-found-title">
          <EmptyState
            titleAs="h1"
            titleId="not-found-title"
            title={shellStrings.notFound.title}
            actions={
              <ButtonLink variant="primary" href={hrefs.containers()}>
                {shellStrings.notFound.back}
              </ButtonLink>
            }
          />
        </section>
      );
  }
}

export function App() {
  // The unreachable screen replaces the page only when there is nothing to show.
  const showUnreachable = useBerthStore((s) => s.engineStatus?.state === 'unreachable' && !s.containersLoaded);
  const routeKey = JSON.stringify(useRoute());
  return (
    <div className="app">
      <Sidebar />
      <div className="app-content">
        {!showUnreachable && <EngineBanner />}
        <Notices />
        <main className="app-main">
          <FailureBoundary scope="page" resetKey={routeKey}>
            {showUnreachable ? <UnreachableScreen /> : <Page />}
          </FailureBoundary>
        </main>
      </div>
      <StatusBar />
      <DialogHosts />
      <DesktopIntegration />
      <Toasts />
    </div>
  );
}
