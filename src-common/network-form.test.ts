import { describe, expect, it } from 'vitest';
import type { ConnectForm, NetworkCreateForm } from './models/networks';
import {
  checkConnectForm,
  checkNetworkForm,
  emptyNetworkForm,
  networkFieldProblem,
  splitAliases,
  type ConnectTarget,
  type KnownNetwork,
} from './network-form';

const existing: KnownNetwork[] = [
  { id: 'b1', name: 'bridge', subnets: ['172.17.0.0/16'] },
  { id: 'h1', name: 'host', subnets: [] },
  { id: 'a1', name: 'app', subnets: ['10.231.0.0/24', 'fd00:a::/64'] },
];
const form = (patch: Partial<NetworkCreateForm>): NetworkCreateForm => ({ ...emptyNetworkForm(), name: 'web', ...patch });
const problems = (patch: Partial<NetworkCreateForm>) => {
  const check = checkNetworkForm(form(patch), existing);
  if (check.ok) throw new Error('expected problems');
  return check.problems;
};

describe('checkNetworkForm', () => {
  it('builds the spec: canonical addresses, IPv6 switched on for an IPv6 subnet, labels', () => {
    expect(checkNetworkForm(form({ subnet: ' 10.40.0.0/16 ', gateway: '10.40.0.1', ipRange: '10.40.5.0/24', labels: 'a=1\nb=two' }), existing)).toEqual({
      ok: true,
      spec: {
        name: 'web',
        subnet: '10.40.0.0/16',
        gateway: '10.40.0.1',
        ipRange: '10.40.5.0/24',
        ipv6: false,
        internal: false,
        attachable: false,
        labels: { a: '1', b: 'two' },
      },
    });
    const v6 = checkNetworkForm(form({ subnet: 'FD00:B:0::/64', gateway: 'fd00:b::1', internal: true }), existing);
    expect(v6).toMatchObject({ ok: true, spec: { subnet: 'fd00:b::/64', gateway: 'fd00:b::1', ipv6: true, internal: true } });
  });

  it('lets the engine choose everything when only a name is given', () => {
    expect(checkNetworkForm(form({}), existing)).toMatchObject({ ok: true, spec: { subnet: null, gateway: null, ipRange: null } });
  });

  it('refuses names the engine would take but no one should type', () => {
    expect(problems({ name: '' }).name).toBe('Give the network a name.');
    expect(problems({ name: 'my net' }).name).toMatch(/not a valid network name/);
    expect(problems({ name: '-net' }).name).toMatch(/not a valid network name/);
    expect(problems({ name: 'app' }).name).toBe('A network named "app" already exists.');
  });

  it.each([
    ['10.40.0.0', /not a subnet/],
    ['10.40.0.0/33', /not a subnet/],
    ['10.300.0.0/16', /not a subnet/],
    ['10.40.0.1/16', /host bits set: the subnet starts at 10.40.0.0\/16/],
    ['10.40.0.0/31', /leaves no address/],
    ['fd00:c::/127', /leaves no address/],
  ])('refuses the subnet %s', (subnet, message) => expect(problems({ subnet }).subnet).toMatch(message));

  it('refuses a subnet that overlaps another network, naming it', () => {
    expect(problems({ subnet: '172.17.5.0/24' }).subnet).toBe(
      '172.17.5.0/24 overlaps 172.17.0.0/16, the subnet of network bridge. Choose a range no other network uses.',
    );
    expect(problems({ subnet: '10.0.0.0/8' }).subnet).toMatch(/overlaps 10\.231\.0\.0\/24, the subnet of network app/);
    expect(problems({ subnet: 'fd00:a::/48' }).subnet).toMatch(/overlaps fd00:a::\/64/);
    expect(checkNetworkForm(form({ subnet: '10.232.0.0/24' }), existing).ok).toBe(true);
  });

  it.each([
    [{ gateway: '10.40.0.1' }, 'gateway', /Give a subnet first/],
    [{ subnet: '10.40.0.0/24', gateway: '10.40.0' }, 'gateway', /not an IP address/],
    [{ subnet: '10.40.0.0/24', gateway: 'fd00::1' }, 'gateway', /not an IPv4 address/],
    [{ subnet: '10.40.0.0/24', gateway: '10.41.0.1' }, 'gateway', /not inside the subnet 10\.40\.0\.0\/24/],
    [{ subnet: '10.40.0.0/24', gateway: '10.40.0.0' }, 'gateway', /network address/],
    [{ subnet: '10.40.0.0/24', gateway: '10.40.0.255' }, 'gateway', /broadcast address/],
    [{ ipRange: '10.40.0.0/25' }, 'ipRange', /Give a subnet first/],
    [{ subnet: '10.40.0.0/24', ipRange: '10.40.1.0/25' }, 'ipRange', /not inside the subnet/],
    [{ subnet: '10.40.0.0/24', ipRange: '10.40.0.0/23' }, 'ipRange', /not inside the subnet/],
    [{ subnet: '10.40.0.0/24', ipRange: '10.40.0.1/25' }, 'ipRange', /host bits/],
    [{ labels: 'no equals sign' }, 'labels', /KEY=VALUE/],
  ] as const)('refuses %j on %s', (patch, field, message) => expect(problems(patch)[field]).toMatch(message));

  it('allows the last address as an IPv6 gateway (IPv6 has no broadcast)', () => {
    expect(checkNetworkForm(form({ subnet: 'fd00:c::/120', gateway: 'fd00:c::ff' }), existing).ok).toBe(true);
  });

  it('reports every field at once, and one field alone for checking on blur', () => {
    expect(Object.keys(problems({ name: '', subnet: 'x', labels: '=' })).sort()).toEqual(['labels', 'name', 'subnet']);
    expect(networkFieldProblem('gateway', form({ subnet: '10.40.0.0/24', gateway: '10.40.0.1' }), existing)).toBeNull();
    expect(networkFieldProblem('subnet', form({ subnet: '10.231.0.0/24' }), existing)).toMatch(/overlaps/);
  });
});

describe('checkConnectForm', () => {
  const target: ConnectTarget = {
    name: 'app',
    predefined: false,
    subnets: [
      { subnet: '10.231.0.0/24', gateway: '10.231.0.1' },
      { subnet: 'fd00:a::/64', gateway: '' },
    ],
    taken: [{ ip: '10.231.0.2', container: 'web-1' }],
  };
  const connect = (patch: Partial<ConnectForm>): ConnectForm => ({ network: 'app', container: 'web-2', aliases: '', ipAddress: '', ...patch });
  const problemsOf = (patch: Partial<ConnectForm>, t = target) => {
    const check = checkConnectForm(connect(patch), t);
    if (check.ok) throw new Error('expected problems');
    return check.problems;
  };

  it('builds the spec with aliases and a fixed IPv4 or IPv6 address', () => {
    expect(checkConnectForm(connect({ aliases: 'db, cache  db\nstore', ipAddress: '10.231.0.50' }), target)).toEqual({
      ok: true,
      spec: { container: 'web-2', aliases: ['db', 'cache', 'store'], ipv4Address: '10.231.0.50', ipv6Address: null },
    });
    expect(checkConnectForm(connect({ ipAddress: 'FD00:A::0:7' }), target)).toMatchObject({ ok: true, spec: { ipv4Address: null, ipv6Address: 'fd00:a::7' } });
  });

  it('refuses aliases on the engine\'s own networks, as the run dialog does', () => {
    const bridge: ConnectTarget = { name: 'bridge', predefined: true, subnets: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1' }], taken: [] };
    expect(problemsOf({ network: 'bridge', aliases: 'db' }, bridge).aliases).toBe('Aliases work only on networks you created, not on bridge. Choose another network.');
    expect(checkConnectForm(connect({ network: 'bridge' }), bridge)).toMatchObject({ ok: true, spec: { aliases: [] } });
  });

  it('needs a container and valid aliases', () => {
    expect(problemsOf({ container: ' ' }).container).toBe('Choose a container.');
    expect(problemsOf({ aliases: 'ok, not/ok' }).aliases).toBe(
      '"not/ok" is not a valid alias: use a DNS name, letters, digits and "-" in parts of at most 63 characters separated by dots, not starting or ending with "-".',
    );
  });

  it.each([
    ['10.231.0', /not an IP address/],
    ['10.99.0.5', /outside the network's subnet \(10\.231\.0\.0\/24, fd00:a::\/64\)/],
    ['10.231.0.0', /network or broadcast address/],
    ['10.231.0.255', /network or broadcast address/],
    ['10.231.0.1', /is the network's gateway/],
    ['10.231.0.2', /already used by web-1/],
  ])('refuses the fixed IP %s', (ipAddress, message) => expect(problemsOf({ ipAddress }).ipAddress).toMatch(message));

  it('refuses a fixed IP on predefined networks and on networks without a subnet', () => {
    expect(problemsOf({ ipAddress: '172.17.0.9' }, { ...target, name: 'bridge', predefined: true }).ipAddress).toMatch(
      /assigns addresses on bridge itself/,
    );
    expect(problemsOf({ ipAddress: '10.0.0.9' }, { ...target, subnets: [] }).ipAddress).toMatch(/has none/);
  });

  it('splits aliases on commas, spaces and lines, without duplicates', () => {
    expect(splitAliases(' a,b  c\n\na ')).toEqual(['a', 'b', 'c']);
    expect(splitAliases('')).toEqual([]);
  });
});
