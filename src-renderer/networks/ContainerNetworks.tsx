import { useEffect, useRef, useState } from 'react';
import { Link2, Unlink } from 'lucide-react';
import type { ContainerDetails } from '../../src-common/index';
import { api } from '../api/client';
import { hrefs } from '../router/route';
import { useBerthStore } from '../store/store';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { IconButton } from '../ui/IconButton';
import { disconnectContainer } from './network-actions';
import { findNetwork } from './networks-slice';
import { networkStrings as t } from './strings';
import { useNetworksLive } from './use-networks-live';

type Attachment = ContainerDetails['networks'][number];

/**
 * The networks section of a container's Overview: each network with its addresses, a
 * link to the network, Disconnect, and Connect to another network. Connecting or
 * disconnecting a running container sends only network events, so the section asks for
 * the container again when the live network list says its endpoints changed (and after
 * Berth's own connect dialog closes, for a stopped container the engine says nothing about).
 */
export function ContainerNetworks({ details }: { details: ContainerDetails }) {
  useNetworksLive();
  const id = details.summary.id;
  const name = details.summary.name;
  const [networks, setNetworks] = useState<Attachment[]>(details.networks);
  const endpointsKey = useBerthStore((s) =>
    Object.values(s.networks)
      .flatMap((n) => n.endpoints.filter((e) => e.containerId === id).map((e) => `${n.id}=${e.ipv4Address},${e.ipv6Address}`))
      .sort()
      .join(' '),
  );
  const dialogOpen = useBerthStore((s) => s.networkDialog !== null);
  const [changes, setChanges] = useState(0);
  const first = useRef(true);

  useEffect(() => setNetworks(details.networks), [details]);
  useEffect(() => {
    if (!dialogOpen) setChanges((n) => n + 1);
  }, [dialogOpen]);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let current = true;
    api.call('containers.inspect', { id }).then(
      (d) => current && setNetworks(d.networks),
      () => {}, // the page itself says when the container is gone
    );
    return () => {
      current = false;
    };
  }, [id, endpointsKey, changes]);

  const liveNetworks = useBerthStore((s) => s.networks);
  const open = useBerthStore((s) => s.openNetworkDialog);
  return (
    <>
      {networks.length === 0 ? (
        <p className="network-muted">{t.containerNoNetworks}</p>
      ) : (
        <DataTable<Attachment>
          label={t.containerNetworksLabel(name)}
          columns={[
            {
              key: 'name',
              header: t.containerColumns.network,
              title: (n) => n.name,
              cell: (n) => {
                const net = findNetwork(liveNetworks, n.name);
                return net ? <a href={hrefs.network(net.id)}>{n.name}</a> : n.name;
              },
            },
            { key: 'ip', header: t.containerColumns.ip, width: '130px', cell: (n) => <code>{n.ipAddress || t.details.none}</code> },
            { key: 'ipv6', header: t.containerColumns.ipv6, width: '22%', hideBelow: 'md', cell: (n) => <code>{n.ipv6Address || t.details.none}</code> },
            { key: 'gateway', header: t.containerColumns.gateway, width: '130px', hideBelow: 'md', cell: (n) => <code>{n.gateway || t.details.none}</code> },
            { key: 'aliases', header: t.containerColumns.aliases, width: '20%', hideBelow: 'sm', cell: (n) => n.aliases.filter((a) => !id.startsWith(a)).join(', ') || t.details.none },
            {
              key: 'actions',
              header: t.containerColumns.actions,
              hideHeader: true,
              width: '48px',
              cell: (n) => (
                <IconButton
                  label={t.disconnect(name, n.name)}
                  icon={Unlink}
                  size="sm"
                  onClick={() => void disconnectContainer({ id: findNetwork(liveNetworks, n.name)?.id ?? n.name, name: n.name }, { id, name, known: true }).then((ok) => ok && setChanges((c) => c + 1))}
                />
              ),
            },
          ]}
          rows={networks}
          rowKey={(n) => n.name}
        />
      )}
      <Button size="sm" icon={Link2} onClick={() => open({ kind: 'connect', networkId: null, containerId: id })}>
        {t.connectToNetwork}
      </Button>
    </>
  );
}
