import { useId, useMemo } from 'react';
import { Network, Plus, SearchX, Trash2, Link2 } from 'lucide-react';
import type { NetworkSummary } from '../../src-common/models/networks';
import { hrefs } from '../router/route';
import { useBerthStore } from '../store/store';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { DataTable, type Column } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { IconButton } from '../ui/IconButton';
import { PageHeader } from '../ui/PageHeader';
import { SearchField } from '../ui/SearchField';
import { Toolbar, ToolbarSpacer } from '../ui/Toolbar';
import { AttachedCell, FlagsCell, removeBlocker, SubnetCell, subnetText } from './NetworkCells';
import { canConnectTo } from './network-palette-items';
import { networkRows } from './network-rows';
import type { NetworkSortColumn } from './networks-slice';
import { networkStrings as t } from './strings';
import { useNetworksLive } from './use-networks-live';
import './networks.css';

const open = (dialog: Parameters<ReturnType<typeof useBerthStore.getState>['openNetworkDialog']>[0]) =>
  useBerthStore.getState().openNetworkDialog(dialog);

function RowActions({ network }: { network: NetworkSummary }) {
  const containers = useBerthStore((s) => s.containers);
  const blocker = removeBlocker(network, containers);
  const reasonId = useId();
  return (
    <span className="network-row-actions">
      {canConnectTo(network) && (
        <IconButton label={t.connectTo(network.name)} icon={Link2} size="sm" onClick={() => open({ kind: 'connect', networkId: network.id, containerId: null })} />
      )}
      {/* Disabled with the reason: still focusable, the reason is its description and tooltip. */}
      <IconButton
        label={t.remove(network.name)}
        tooltip={!blocker}
        title={blocker ?? undefined}
        icon={Trash2}
        size="sm"
        variant="danger"
        aria-disabled={blocker ? true : undefined}
        aria-describedby={blocker ? reasonId : undefined}
        onClick={() => !blocker && open({ kind: 'remove', id: network.id })}
      />
      {blocker && (
        <span id={reasonId} className="visually-hidden">
          {blocker}
        </span>
      )}
    </span>
  );
}

export function NetworksPage() {
  useNetworksLive();
  const loaded = useBerthStore((s) => s.networksLoaded);
  const networks = useBerthStore((s) => s.networks);
  const containers = useBerthStore((s) => s.containers);
  const filter = useBerthStore((s) => s.networkFilter);
  const sort = useBerthStore((s) => s.networkSort);
  const rows = useMemo(() => networkRows(networks, containers, filter, sort), [networks, containers, filter, sort]);
  const total = Object.keys(networks).length;

  const columns: Column<NetworkSummary>[] = [
    {
      key: 'name',
      header: t.columns.name,
      sortKey: 'name',
      width: '22%',
      title: (n) => n.name,
      cell: (n) => (
        <span className="network-name">
          <a href={hrefs.network(n.id)}>{n.name}</a>
          {n.predefined && <Badge>{t.builtIn}</Badge>}
        </span>
      ),
    },
    { key: 'driver', header: t.columns.driver, sortKey: 'driver', width: '84px', cell: (n) => n.driver },
    { key: 'scope', header: t.columns.scope, width: '68px', hideBelow: 'md', cell: (n) => n.scope },
    // Wide enough for "192.168.240.0/20 (gateway 192.168.240.1)", the usual bridge subnet, whole.
    { key: 'subnet', header: t.columns.subnet, sortKey: 'subnet', width: '28%', title: (n) => subnetText(n), cell: (n) => <SubnetCell network={n} /> },
    { key: 'flags', header: t.columns.flags, width: '112px', hideBelow: 'md', cell: (n) => <FlagsCell network={n} /> },
    {
      key: 'containers',
      header: t.columns.containers,
      sortKey: 'containers',
      title: (n) => n.endpoints.map((e) => `${containers[e.containerId]?.name ?? e.name} ${e.ipv4Address}`).join(', '),
      cell: (n) => <AttachedCell network={n} containers={containers} />,
    },
    // Two 26 px buttons and the cell's padding: sized to them, never clipped.
    { key: 'actions', header: t.columns.actions, hideHeader: true, width: '84px', overflow: 'visible', cell: (n) => <RowActions network={n} /> },
  ];

  return (
    <section className="ui-page networks-page" aria-labelledby="networks-title">
      <PageHeader
        title={t.title}
        titleId="networks-title"
        actions={
          <>
            <Button icon={Trash2} onClick={() => open({ kind: 'prune' })}>
              {t.prune}
            </Button>
            <Button variant="primary" icon={Plus} onClick={() => open({ kind: 'create' })}>
              {t.create}
            </Button>
          </>
        }
      >
        {t.subtitle}
      </PageHeader>
      <Toolbar>
        <SearchField label={t.filterLabel} placeholder={t.filterPlaceholder} value={filter} onChange={(v) => useBerthStore.getState().setNetworkFilter(v)} />
        {/* The count beside the filter it answers, as on the containers and volumes pages. */}
        {loaded && <span className="count" aria-live="polite">{t.count(rows.length, total)}</span>}
        <ToolbarSpacer />
      </Toolbar>
      {!loaded ? (
        <p className="network-muted">{t.loading}</p>
      ) : rows.length === 0 ? (
        <EmptyState icon={total === 0 ? Network : SearchX} title={t.empty} actions={<Button onClick={() => useBerthStore.getState().setNetworkFilter('')}>{t.clearFilter}</Button>} />
      ) : (
        <DataTable
          label={t.tableLabel}
          columns={columns}
          rows={rows}
          rowKey={(n) => n.id}
          sort={{ key: sort.column, direction: sort.direction }}
          onSort={(key) => useBerthStore.getState().sortNetworksBy(key as NetworkSortColumn)}
          sortLabel={t.sortBy}
          scroll
        />
      )}
    </section>
  );
}
