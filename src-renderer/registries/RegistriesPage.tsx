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
    <section className="page registries-page" aria-labelledby="registries-title">
      <h1 id="registries-title" className="page-title">
        {t.title}
      </h1>
      <UnencryptedEngineNote />
      <section className="registries-section" aria-labelledby="transfers-title">
        <h2 id="transfers-title">{t.transfers.heading}</h2>
        <p className="note">{t.transfers.lead}</p>
        <div className="registries-row">
          <button type="button" className="button" onClick={() => openPullDialog()}>
            {t.transfers.pull}
          </button>
          <button type="button" className="button" onClick={() => openPushDialog()}>
            {t.transfers.push}
          </button>
        </div>
      </section>
      <LoginsList overview={overview} error={error} reload={reload} />
      <LoginForm storage={overview?.storage ?? null} onLoggedIn={reload} />
      <HubSearch />
    </section>
  );
}
