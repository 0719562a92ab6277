import { ContainerDetailsPage } from './containers/details/ContainerDetailsPage';
import { ContainersPage } from './containers/ContainersPage';
import { RemoveDialog } from './containers/RemoveDialog';
import { useRoute } from './router/use-route';
import { hrefs } from './router/route';
import { EngineStatusBar } from './shell/EngineStatusBar';
import { MainNav } from './shell/MainNav';
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
        <section className="page page-message">
          <h1>{shellStrings.notFound.title}</h1>
          <a href={hrefs.containers()}>{shellStrings.notFound.back}</a>
        </section>
      );
  }
}

export function App() {
  // The unreachable screen replaces the page only when there is nothing to show.
  const showUnreachable = useBerthStore((s) => s.engineStatus?.state === 'unreachable' && !s.containersLoaded);
  const route = useRoute();
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">{shellStrings.appName}</span>
        <MainNav current={route.page === 'not-found' ? null : route.page === 'settings' ? 'settings' : route.page === 'registries' ? 'registries' : route.page === 'images' || route.page === 'image' || route.page === 'build' ? 'images' : 'containers'} />
      </header>
      <EngineStatusBar />
      <Notices />
      <main className="app-main">
        {showUnreachable ? (
          <UnreachableScreen />
        ) : (
          <Page />
        )}
      </main>
      <RemoveDialog />
      <TransferDialogs />
      <ImageDialogs />
      <RunDialog />
      <DesktopIntegration />
    </div>
  );
}
