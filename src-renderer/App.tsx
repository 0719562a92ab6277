import { ContainerDetailsPage } from './containers/details/ContainerDetailsPage';
import { ContainersPage } from './containers/ContainersPage';
import { ProjectLogsPage } from './logs/ProjectLogsPage';
import { RemoveDialog } from './containers/RemoveDialog';
import { useRoute } from './router/use-route';
import { hrefs } from './router/route';
import { EngineStatusBar } from './shell/EngineStatusBar';
import { MainNav } from './shell/MainNav';
import { Notices } from './shell/Notices';
import { UnreachableScreen } from './shell/UnreachableScreen';
import { shellStrings } from './shell/strings';
import { useBerthStore } from './store/store';
import { SettingsPage } from './settings/SettingsPage';
import { RegistriesPage } from './registries/RegistriesPage';
import { TransferDialogs } from './registries/TransferDialog';
import { DesktopIntegration } from './keyboard/DesktopIntegration';
import { ImagesPage } from './images/ImagesPage';
import { ImageDetailsPage } from './images/details/ImageDetailsPage';
import { ImageDialogs } from './images/ImageDialogs';
import { BuildPage } from './build/BuildPage';
import { RunDialog } from './run/RunDialog';
import { registerBuildRunImageActions } from './run/image-actions';

registerBuildRunImageActions();

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
      <main className="app-main">{showUnreachable ? <UnreachableScreen /> : <Page />}</main>
      <RemoveDialog />
      <TransferDialogs />
      <ImageDialogs />
      <RunDialog />
      <DesktopIntegration />
    </div>
  );
}
