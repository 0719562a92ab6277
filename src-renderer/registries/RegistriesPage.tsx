import { CloudDownload, Upload } from 'lucide-react';
import { Button } from '../ui/Button';
import { PageHeader } from '../ui/PageHeader';
import { HubSearch } from './HubSearch';
import { LoginForm } from './LoginForm';
import { LoginsList } from './LoginsList';
import { registryStrings as t } from './strings';
import { openPullDialog, openPushDialog } from './transfer-dialogs';
import { UnencryptedEngineNote } from './UnencryptedEngineNote';
import { useRegistryOverview } from './use-registry-overview';
import './registries.css';

/** Registry logins (docker CLI compatible), pull and push, and Docker Hub search. */
export function RegistriesPage() {
  const { overview, error, reload } = useRegistryOverview();
  return (
    <section className="ui-page ui-page-scroll registries-page" aria-labelledby="registries-title">
      <PageHeader
        title={t.title}
        titleId="registries-title"
        actions={
          <>
            <Button variant="primary" icon={CloudDownload} onClick={() => openPullDialog()}>
              {t.transfers.pull}
            </Button>
            <Button icon={Upload} onClick={() => openPushDialog()}>
              {t.transfers.push}
            </Button>
          </>
        }
      >
        {t.transfers.lead}
      </PageHeader>
      <div className="registries-body">
        <UnencryptedEngineNote />
        <LoginsList overview={overview} error={error} reload={reload} />
        <LoginForm storage={overview?.storage ?? null} onLoggedIn={reload} />
        <HubSearch />
      </div>
    </section>
  );
}
