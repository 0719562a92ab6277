import type { ContainerSummary } from '../../src-common/models/container';
import type { NetworkSummary } from '../../src-common/models/networks';
import { hrefs } from '../router/route';
import { Badge } from '../ui/Badge';
import { attachedContainers, bareAddress } from './network-rows';
import { networkStrings as t } from './strings';

/** Subnet and gateway of each IPAM entry, in one line. */
export function subnetText(network: NetworkSummary): string {
  return network.subnets.map((s) => (s.gateway ? `${s.subnet} (${t.gateway(s.gateway)})` : s.subnet)).join(', ');
}

export function SubnetCell({ network }: { network: NetworkSummary }) {
  if (network.subnets.length === 0) return <span className="network-muted">{t.noSubnet}</span>;
  return <span className="network-subnet">{subnetText(network)}</span>;
}

export function FlagsCell({ network }: { network: NetworkSummary }) {
  return (
    <span className="network-flags">
      {network.internal && <Badge tone="warning">{t.internal}</Badge>}
      {network.attachable && <Badge tone="info">{t.attachable}</Badge>}
      {network.enableIPv6 && <Badge>{t.ipv6}</Badge>}
    </span>
  );
}

/** Attached containers with their addresses; the first few, then a count. */
export function AttachedCell({ network, containers, shown = 3 }: { network: NetworkSummary; containers: Record<string, ContainerSummary>; shown?: number }) {
  const attached = attachedContainers(network, containers);
  if (attached.length === 0) return <span className="network-muted">{t.noContainers}</span>;
  return (
    <span className="network-attached">
      {attached.slice(0, shown).map((c) => (
        <span key={c.containerId} className="network-attached-item">
          {c.known ? <a href={hrefs.container(c.containerId)}>{c.displayName}</a> : c.displayName}{' '}
          <span className="network-ip">{bareAddress(c.ipv4Address || c.ipv6Address)}</span>
        </span>
      ))}
      {attached.length > shown && <span className="network-muted">{t.moreContainers(attached.length - shown)}</span>}
    </span>
  );
}

/** Why a network cannot be removed now, or null. */
export function removeBlocker(network: NetworkSummary, containers: Record<string, ContainerSummary>): string | null {
  if (network.predefined) return t.blockedBuiltIn(network.name);
  const names = attachedContainers(network, containers).map((c) => c.displayName);
  return names.length ? t.blockedInUse(names) : null;
}
