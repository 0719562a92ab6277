import type { NetworkSummary } from '../../../src-common/models/networks';
import type { RawNetwork, RawNetworkEndpoint } from './networks-types';

/**
 * The engine's built-in networks: it refuses to remove them ("bridge is a pre-defined
 * network and cannot be removed") and prune skips them. The default bridge is also
 * recognised by its option, whatever it is called; `podman` is Podman's default network,
 * which its Docker-compatible list calls `bridge` and its inspect by id `podman`.
 */
const PREDEFINED_NAMES = new Set(['bridge', 'host', 'none', 'podman']);

export function isPredefined(raw: Pick<RawNetwork, 'Name' | 'Options'>): boolean {
  return PREDEFINED_NAMES.has(raw.Name ?? '') || raw.Options?.['com.docker.network.bridge.default_bridge'] === 'true';
}

export const shortNetworkId = (id: string) => (/^[0-9a-f]{64}$/.test(id) ? id.slice(0, 12) : id);

/** "network app", for error messages. */
export const networkLabel = (nameOrId: string) => `network ${shortNetworkId(nameOrId)}`;

export function toNetworkSummary(raw: RawNetwork): NetworkSummary {
  const id = raw.Id ?? raw.Name ?? '';
  return {
    id,
    name: raw.Name ?? shortNetworkId(id),
    driver: raw.Driver ?? '',
    scope: raw.Scope ?? '',
    created: raw.Created ?? '',
    internal: raw.Internal ?? false,
    attachable: raw.Attachable ?? false,
    ingress: raw.Ingress ?? false,
    enableIPv6: raw.EnableIPv6 ?? false,
    ipamDriver: raw.IPAM?.Driver ?? '',
    subnets: (raw.IPAM?.Config ?? [])
      .filter((c) => typeof c?.Subnet === 'string' && c.Subnet !== '')
      .map((c) => ({ subnet: c.Subnet!, gateway: c.Gateway ?? '', ipRange: c.IPRange ?? '' })),
    predefined: isPredefined(raw),
    labels: { ...(raw.Labels ?? {}) },
    options: { ...(raw.Options ?? {}) },
    endpoints: Object.entries(raw.Containers ?? {})
      .filter(([, e]) => isLiveEndpoint(e))
      .map(([containerId, e]) => ({
        containerId,
        name: e?.Name ?? containerId.slice(0, 12),
        ipv4Address: e?.IPv4Address ?? '',
        ipv6Address: e?.IPv6Address ?? '',
        macAddress: e?.MacAddress ?? '',
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Docker lists the containers running on a network, each with an endpoint id. Podman lists
 * every container configured for it, running or not: one that is not running has no
 * endpoint id, no MAC and no address, and is not shown as attached.
 */
export function isLiveEndpoint(e: RawNetworkEndpoint | null | undefined): boolean {
  if (!e) return false;
  return Boolean(e.EndpointID || e.MacAddress || e.IPv4Address || e.IPv6Address);
}

/** An address without its prefix length: "172.18.0.2/16" → "172.18.0.2". */
export const withoutPrefix = (address: string) => address.replace(/\/\d+$/, '');
