import { ContainerDetailsPage } from './containers/details/ContainerDetailsPage';
import { ContainersPage } from './containers/ContainersPage';
import { RemoveDialog } from './containers/RemoveDialog';
import { useRoute } from './router/use-route';
import { hrefs } from './router/route';
import { Sidebar } from './shell/Sidebar';
import { StatusBar } from './shell/StatusBar';
import { Notices } from './shell/Notices';
import { UnreachableScreen } from './shell/UnreachableScreen';
import { shellStrings } from './shell/strings';
import { useBerthStore } from './store/store';
import { TransferDialogs } from './registries/TransferDialog';
import { DesktopIntegration } from './keyboard/DesktopIntegration';
import { ImageDialogs } from './images/ImageDialogs';
import { RunDialog } from './run/RunDialog';
import { registerBuildRunImageActions } from './run/image-actions';
import { lazyNamed } from './shell/lazy-named';
import { Toasts } from './ui/Toasts';
import { ButtonLink } from './ui/ButtonLink';
import { EmptyState } from './ui/EmptyState';

registerBuildRunImageActions();

const ProjectLogsPage = lazyNamed(() => import('./logs/ProjectLogsPage'), 'ProjectLogsPage');
const SettingsPage = lazyNamed(() => import('./settings/SettingsPage'), 'SettingsPage');
const RegistriesPage = lazyNamed(() => import('./registries/RegistriesPage'), 'RegistriesPage');
const ImagesPage = lazyNamed(() => import('./images/ImagesPage'), 'ImagesPage');
const ImageDetailsPage = lazyNamed(() => import('./images/details/ImageDetailsPage'), 'ImageDetailsPage');
const BuildPage = lazyNamed(() => import('./build/BuildPage'), 'BuildPage');

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
  return (
    <div className="app">
      <Sidebar />
      <div className="app-content">
        <Notices />
        <main className="app-main">{showUnreachable ? <UnreachableScreen /> : <Page />}</main>
      </div>
      <StatusBar />
      <RemoveDialog />
      <TransferDialogs />
      <ImageDialogs />
      <RunDialog />
      <DesktopIntegration />
      <Toasts />
    </div>
  );
}
