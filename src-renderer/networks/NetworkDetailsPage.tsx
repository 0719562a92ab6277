import { useRef } from 'react';
import { Link2, Trash2, Unlink } from 'lucide-react';
import type { NetworkSummary } from '../../src-common/models/networks';
import { hrefs } from '../router/route';
import { useBerthStore } from '../store/store';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/EmptyState';
import { FactList, type Fact } from '../ui/FactList';
import { PairTable, sortedPairs } from '../ui/PairTable';
import { IconButton } from '../ui/IconButton';
import { PageHeader } from '../ui/PageHeader';
import { Section } from '../ui/Section';
import { FlagsCell, removeBlocker } from './NetworkCells';
import { disconnectContainer } from './network-actions';
import { canConnectTo } from './network-palette-items';
import { attachedContainers, bareAddress, type AttachedContainer } from './network-rows';
import { findNetwork } from './networks-slice';
import { networkStrings } from './strings';
import { useNetworksLive } from './use-networks-live';
import './networks.css';

const t = networkStrings.details;

function Containers({ network }: { network: NetworkSummary }) {
  const containers = useBerthStore((s) => s.containers);
  const attached = attachedContainers(network, containers);
  if (attached.length === 0) return <EmptyState compact title={networkStrings.noContainers} />;
  return (
    <DataTable<AttachedContainer>
      label={t.containersLabel(network.name)}
      columns={[
        {
          key: 'name',
          header: t.containerColumns.name,
          title: (c) => c.displayName,
          cell: (c) => (c.known ? <a href={hrefs.container(c.containerId)}>{c.displayName}</a> : <span>{`${c.displayName} (${t.staleEndpoint})`}</span>),
        },
        // Addresses are fixed-width mono text: their columns fit them whole; the name gets the rest.
        { key: 'ipv4', header: t.containerColumns.ipv4, width: '150px', title: (c) => bareAddress(c.ipv4Address) || t.none, cell: (c) => <code>{bareAddress(c.ipv4Address) || t.none}</code> },
        { key: 'ipv6', header: t.containerColumns.ipv6, width: '22%', hideBelow: 'md', title: (c) => bareAddress(c.ipv6Address) || t.none, cell: (c) => <code>{bareAddress(c.ipv6Address) || t.none}</code> },
        { key: 'mac', header: t.containerColumns.mac, width: '170px', hideBelow: 'sm', title: (c) => c.macAddress || t.none, cell: (c) => <code>{c.macAddress || t.none}</code> },
        {
          key: 'actions',
          header: t.containerColumns.actions,
          hideHeader: true,
          width: '48px',
          cell: (c) => (
            <IconButton
              label={networkStrings.disconnect(c.displayName, network.name)}
              icon={Unlink}
              size="sm"
              onClick={() => void disconnectContainer(network, { id: c.containerId, name: c.displayName, known: c.known })}
            />
          ),
        },
      ]}
      rows={attached}
      rowKey={(c) => c.containerId}
    />
  );
}

/** One network: its configuration, the running containers on it with their addresses, labels and options; live. */
export function NetworkDetailsPage({ id }: { id: string }) {
  useNetworksLive();
  const loaded = useBerthStore((s) => s.networksLoaded);
  const network = useBerthStore((s) => findNetwork(s.networks, id));
  const containers = useBerthStore((s) => s.containers);
  const seen = useRef(false);
  if (network) seen.current = true;
  const open = useBerthStore((s) => s.openNetworkDialog);

  if (!network) {
    return (
      <section className="ui-page" aria-labelledby="network-title">
        <PageHeader title={id} titleId="network-title" back={{ href: hrefs.networks(), label: t.back }} />
        {loaded && <EmptyState title={seen.current ? t.removed : t.notFound(id)} />}
      </section>
    );
  }

  const blocker = removeBlocker(network, containers);
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  const facts: Fact[] = [
    [t.id, <code key="id" className="ui-wrap-anywhere">{network.id}</code>],
    [t.driver, network.driver],
    [t.scope, network.scope],
    ...network.subnets.flatMap((s, i): Fact[] => [
      [network.subnets.length > 1 ? `${t.subnet} ${i + 1}` : t.subnet, <code key="s">{s.subnet}</code>],
      [network.subnets.length > 1 ? `${t.gateway} ${i + 1}` : t.gateway, <code key="g">{s.gateway || t.none}</code>],
      ...(s.ipRange ? [[t.ipRange, <code key="r">{s.ipRange}</code>] as Fact] : []),
    ]),
    [t.ipamDriver, network.ipamDriver || t.none],
    [t.internal, yesNo(network.internal)],
    [t.attachable, yesNo(network.attachable)],
    [t.ipv6, yesNo(network.enableIPv6)],
    [t.created, network.created ? new Date(network.created).toLocaleString() : t.none],
  ];

  return (
    <section className="ui-page network-details" aria-labelledby="network-title">
      <PageHeader
        title={network.name}
        titleId="network-title"
        back={{ href: hrefs.networks(), label: t.back }}
        meta={
          <>
            {network.predefined && <Badge>{networkStrings.builtIn}</Badge>}
            <FlagsCell network={network} />
          </>
        }
        actions={
          <>
            {canConnectTo(network) && (
              <Button icon={Link2} onClick={() => open({ kind: 'connect', networkId: network.id, containerId: null })}>
                {networkStrings.connect}
              </Button>
            )}
            <Button
              variant="danger"
              icon={Trash2}
              aria-label={networkStrings.remove(network.name)}
              disabled={blocker !== null}
              disabledReason={blocker}
              onClick={() => open({ kind: 'remove', id: network.id })}
            >
              {networkStrings.removeShort}
            </Button>
          </>
        }
      />
      <Section title={t.containers}>
        <Containers network={network} />
      </Section>
      <Section title={t.facts}>
        <FactList facts={facts} />
      </Section>
      <Section title={t.labels}>
        <PairTable label={t.labels} headers={[t.keyColumn, t.valueColumn]} rows={sortedPairs(network.labels)} empty={t.noLabels} />
      </Section>
      <Section title={t.options}>
        <PairTable label={t.options} headers={[t.keyColumn, t.valueColumn]} rows={sortedPairs(network.options)} empty={t.noOptions} />
      </Section>
    </section>
  );
}
