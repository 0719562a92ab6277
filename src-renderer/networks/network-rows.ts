import { networkAddress, parseCidr } from '../../src-common/cidr';
import type { ContainerSummary } from '../../src-common/models/container';
import type { NetworkEndpoint, NetworkSummary } from '../../src-common/models/networks';
import type { NetworkSortColumn } from './networks-slice';

/** A running container on a network as the page shows it: the live name when Berth knows the container. */
export interface AttachedContainer extends NetworkEndpoint {
  displayName: string;
  /** False for an endpoint whose container is gone (a stale endpoint: disconnect needs force). */
  known: boolean;
}

export function attachedContainers(network: NetworkSummary, containers: Record<string, ContainerSummary>): AttachedContainer[] {
  return network.endpoints
    .map((e) => {
      const c = containers[e.containerId];
      return { ...e, displayName: c?.name ?? e.name, known: c !== undefined };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** An address without its prefix length: "172.18.0.2/16" → "172.18.0.2". */
export const bareAddress = (address: string) => address.replace(/\/\d+$/, '');

/** The first subnet as a sortable number (IPv4 before IPv6; none last). */
function subnetKey(n: NetworkSummary): [number, bigint] {
  const first = n.subnets[0] ? parseCidr(n.subnets[0].subnet) : null;
  return first ? [first.family, networkAddress(first)] : [99, 0n];
}

function compare(a: NetworkSummary, b: NetworkSummary, column: NetworkSortColumn): number {
  switch (column) {
    case 'name':
      return a.name.localeCompare(b.name);
    case 'driver':
      return a.driver.localeCompare(b.driver) || a.name.localeCompare(b.name);
    case 'subnet': {
      const [fa, va] = subnetKey(a);
      const [fb, vb] = subnetKey(b);
      return fa - fb || (va < vb ? -1 : va > vb ? 1 : 0) || a.name.localeCompare(b.name);
    }
    case 'containers':
      return a.endpoints.length - b.endpoints.length || a.name.localeCompare(b.name);
    case 'created':
      return a.created.localeCompare(b.created) || a.name.localeCompare(b.name);
  }
}

/** The page's rows: filtered by name, id, driver, subnet or an attached container's name; then sorted. */
export function networkRows(
  networks: Record<string, NetworkSummary>,
  containers: Record<string, ContainerSummary>,
  filter: string,
  sort: { column: NetworkSortColumn; direction: 'asc' | 'desc' },
): NetworkSummary[] {
  const q = filter.trim().toLowerCase();
  const matches = (n: NetworkSummary) =>
    q === '' ||
    n.name.toLowerCase().includes(q) ||
    n.id.startsWith(q) ||
    n.driver.toLowerCase().includes(q) ||
    n.subnets.some((s) => s.subnet.includes(q) || s.gateway.includes(q)) ||
    attachedContainers(n, containers).some((c) => c.displayName.toLowerCase().includes(q));
  const sign = sort.direction === 'asc' ? 1 : -1;
  return Object.values(networks)
    .filter(matches)
    .sort((a, b) => sign * compare(a, b, sort.column));
}
