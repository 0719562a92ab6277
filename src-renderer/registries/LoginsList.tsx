import { useState } from 'react';
import type { RegistryOverview } from '../../src-common/models/registries';
import { api } from '../api/client';
import { registryStrings } from './strings';

const t = registryStrings.logins;

export function LoginsList({ overview, error, reload }: { overview: RegistryOverview | null; error: string | null; reload: () => Promise<void> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const logout = async (server: string) => {
    setBusy(server);
    setFailure(null);
    try {
      await api.call('registries.logout', { server });
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(null);
      await reload();
    }
  };
  return (
    <section className="registries-section" aria-labelledby="logins-title">
      <h2 id="logins-title">{t.heading}</h2>
      {error && <p role="alert" className="warning">{t.loadFailed(error)}</p>}
      {failure && <p role="alert" className="warning">{failure}</p>}
      {overview?.warnings.map((w) => (
        <p key={w} className="note warning">
          {w}
        </p>
      ))}
      {!overview && !error && <p className="placeholder">{t.loading}</p>}
      {overview && overview.logins.length === 0 && <p className="placeholder">{t.none}</p>}
      {overview && overview.logins.length > 0 && (
        <table className="kv-table" aria-label={t.heading}>
          <thead>
            <tr>
              <th scope="col">{t.registry}</th>
              <th scope="col">{t.username}</th>
              <th scope="col">{t.storedIn}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {overview.logins.map((l) => (
              <tr key={`${l.source}:${l.server}`}>
                <td>{l.registry}</td>
                <td>{l.username ?? t.unknownUser}</td>
                <td>{t.source(l.source, l.helper)}</td>
                <td>
                  <button
                    type="button"
                    className="button-small"
                    aria-label={t.logout(l.registry)}
                    disabled={busy === l.server}
                    onClick={() => void logout(l.server)}
                  >
                    {t.logoutText}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overview && <p className="note">{t.configDir(overview.storage.configDir)}</p>}
    </section>
  );
}
