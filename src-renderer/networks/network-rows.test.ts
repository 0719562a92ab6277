import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../src-common/models/container';
import type { NetworkSummary } from '../../src-common/models/networks';
import { attachedContainers, networkRows } from './network-rows';
import { findNetwork, reduceNetworkChange } from './networks-slice';

const net = (name: string, patch: Partial<NetworkSummary> = {}): NetworkSummary => ({
  id: `${name}-id`.padEnd(12, '0'),
  name,
  driver: 'bridge',
  scope: 'local',
  created: '2026-01-01T00:00:00Z',
  internal: false,
  attachable: false,
  ingress: false,
  enableIPv6: false,
  ipamDriver: 'default',
  subnets: [],
  predefined: false,
  labels: {},
  options: {},
  endpoints: [],
  ...patch,
});
const endpoint = (containerId: string, name: string, ip: string) => ({ containerId, name, ipv4Address: ip, ipv6Address: '', macAddress: '' });
const container = (id: string, name: string) => ({ id, name }) as ContainerSummary;

const networks = Object.fromEntries(
  [
    net('bridge', { predefined: true, subnets: [{ subnet: '172.17.0.0/16', gateway: '', ipRange: '' }] }),
    net('app', { subnets: [{ subnet: '10.9.0.0/24', gateway: '10.9.0.1', ipRange: '' }], endpoints: [endpoint('c1', 'old-name', '10.9.0.2/24')] }),
    net('v6', { subnets: [{ subnet: 'fd00::/64', gateway: '', ipRange: '' }], created: '2027-01-01T00:00:00Z' }),
    net('host', { driver: 'host', predefined: true }),
  ].map((n) => [n.id, n]),
);
const containers = { c1: container('c1', 'web-1') };
const names = (rows: NetworkSummary[]) => rows.map((n) => n.name);

describe('network rows', () => {
  it('sorts by subnet numerically, IPv4 before IPv6, none last; and by other columns both ways', () => {
    expect(names(networkRows(networks, containers, '', { column: 'subnet', direction: 'asc' }))).toEqual(['app', 'bridge', 'v6', 'host']);
    expect(names(networkRows(networks, containers, '', { column: 'name', direction: 'desc' }))).toEqual(['v6', 'host', 'bridge', 'app']);
    expect(names(networkRows(networks, containers, '', { column: 'containers', direction: 'desc' }))[0]).toBe('app');
    expect(names(networkRows(networks, containers, '', { column: 'created', direction: 'desc' }))[0]).toBe('v6');
  });

  it('filters by name, driver, subnet and the live name of an attached container', () => {
    const sort = { column: 'name', direction: 'asc' } as const;
    expect(names(networkRows(networks, containers, 'HOST', sort))).toEqual(['host']);
    expect(names(networkRows(networks, containers, '172.17', sort))).toEqual(['bridge']);
    expect(names(networkRows(networks, containers, 'web-1', sort))).toEqual(['app']);
    expect(names(networkRows(networks, containers, 'old-name', sort))).toEqual([]);
  });

  it('names attached containers from the live list, and marks endpoints whose container is unknown', () => {
    const app = findNetwork(networks, 'app')!;
    expect(attachedContainers(app, containers)).toMatchObject([{ displayName: 'web-1', known: true }]);
    expect(attachedContainers(app, {})).toMatchObject([{ displayName: 'old-name', known: false }]);
  });

  it('patches one network per change and finds networks by id, name or id prefix', () => {
    const next = reduceNetworkChange(networks, { kind: 'upsert', network: net('app', { internal: true }) });
    expect(next['app-id000000']!.internal).toBe(true);
    expect(next['bridge-id000']).toBe(networks['bridge-id000']);
    expect(reduceNetworkChange(next, { kind: 'remove', id: 'nope' })).toBe(next);
    expect(Object.keys(reduceNetworkChange(next, { kind: 'remove', id: 'app-id000000' }))).not.toContain('app-id000000');
    expect(findNetwork(networks, 'v6')?.name).toBe('v6');
    expect(findNetwork(networks, 'bridge-i')?.name).toBe('bridge');
  });
});
