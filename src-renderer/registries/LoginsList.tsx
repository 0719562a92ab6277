import { useState } from 'react';
import { LogOut } from 'lucide-react';
import type { RegistryLogin, RegistryOverview } from '../../src-common/models/registries';
import { api } from '../api/client';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { DataTable, type Column } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { Section } from '../ui/Section';
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
  const columns: Column<RegistryLogin>[] = [
    { key: 'registry', header: t.registry, cell: (l) => l.registry },
    { key: 'user', header: t.username, cell: (l) => l.username ?? t.unknownUser },
    { key: 'source', header: t.storedIn, hideBelow: 'sm', cell: (l) => t.source(l.source, l.helper) },
    {
      key: 'actions',
      header: t.actions,
      hideHeader: true,
      width: '112px',
      overflow: 'visible',
      cell: (l) => (
        <Button size="sm" icon={LogOut} aria-label={t.logout(l.registry)} loading={busy === l.server} onClick={() => void logout(l.server)}>
          {t.logoutText}
        </Button>
      ),
    },
  ];
  return (
    <Section title={t.heading}>
      {error && (
        <Banner tone="danger" role="alert">
          {t.loadFailed(error)}
        </Banner>
      )}
      {failure && (
        <Banner tone="danger" role="alert">
          {failure}
        </Banner>
      )}
      {overview?.warnings.map((w) => (
        <Banner key={w} tone="warning">
          {w}
        </Banner>
      ))}
      {!overview && !error && <p className="placeholder">{t.loading}</p>}
      {overview && overview.logins.length === 0 && (
        <EmptyState compact title={t.none}>
          {t.noneHint}
        </EmptyState>
      )}
      {overview && overview.logins.length > 0 && <DataTable label={t.heading} columns={columns} rows={overview.logins} rowKey={(l) => `${l.source}:${l.server}`} />}
      {overview && <p className="ui-muted registries-config ui-wrap-anywhere">{t.configDir(overview.storage.configDir)}</p>}
    </Section>
  );
}
