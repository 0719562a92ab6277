import { describe, expect, it } from 'vitest';
import type { FixedIpNetwork } from './fixed-ip';
import type { RunForm } from './models/build-run';
import { isDnsName, parseAliases, parseIpv4Address } from './run-network';
import { checkRunForm, emptyRunForm } from './run-spec';

const app: FixedIpNetwork = {
  name: 'app',
  predefined: false,
  subnets: [{ subnet: '10.231.0.0/24', gateway: '10.231.0.1' }],
  taken: [{ ip: '10.231.0.2', container: 'web-1' }],
};
const problems = (patch: Partial<RunForm>, network: FixedIpNetwork | null = app) => {
  const checked = checkRunForm({ ...emptyRunForm('busybox'), ...patch }, { network });
  return checked.ok ? {} : checked.problems;
};

describe('run dialog aliases', () => {
  it('accepts DNS names separated by commas, spaces or lines, without duplicates', () => {
    expect(parseAliases(' db, cache\nstore.internal  db ', 'app')).toEqual({ ok: true, value: ['db', 'cache', 'store.internal'] });
    expect(parseAliases('   ', null)).toEqual({ ok: true, value: [] });
  });

  it.each(['-db', 'db-', 'my_db', 'db..x', 'a'.repeat(64), 'db/1', 'dé'])('refuses %s, which is not a DNS name', (alias) => {
    expect(isDnsName(alias)).toBe(false);
    expect(parseAliases(alias, 'app')).toEqual({ ok: false, message: expect.stringContaining(`is not a valid alias: use a DNS name`) });
  });

  it('needs a network the user made: not the default, not a built-in one', () => {
    expect(problems({ aliases: 'db' }).aliases).toBe('Aliases work only on a network you created: choose one under Network.');
    expect(problems({ aliases: 'db', network: 'bridge' }, null).aliases).toBe('Aliases work only on networks you created, not on bridge. Choose another network.');
    // A default bridge under another name is known by the facts main and the dialog read.
    expect(problems({ aliases: 'db', network: 'docker0' }, { ...app, name: 'docker0', predefined: true }).aliases).toMatch(/not on docker0/);
    expect(problems({ aliases: 'db', network: 'app' })).toEqual({});
  });
});

describe('run dialog fixed IPv4 address', () => {
  it('takes a free host address inside the subnet, in canonical form', () => {
    expect(parseIpv4Address(' 10.231.0.50 ', 'app', app)).toEqual({ ok: true, value: '10.231.0.50' });
    expect(parseIpv4Address('', 'app', app)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['10.231.0.300', '"10.231.0.300" is not an IPv4 address, e.g. 172.28.0.10.'],
    ['fd00::5', '"fd00::5" is not an IPv4 address, e.g. 172.28.0.10.'],
    ['10.9.0.5', "10.9.0.5 is outside the network's subnet (10.231.0.0/24)."],
    ['10.231.0.255', "10.231.0.255 is the subnet's network or broadcast address."],
    ['10.231.0.1', "10.231.0.1 is the network's gateway."],
    ['10.231.0.2', '10.231.0.2 is already used by web-1 on this network.'],
  ])('refuses %s at the field', (ip, message) => {
    expect(problems({ network: 'app', ipv4Address: ip }).ipv4Address).toBe(message);
  });

  it('needs a user-defined network with a subnet', () => {
    expect(problems({ ipv4Address: '10.231.0.50' }).ipv4Address).toBe('A fixed IP needs a network you created with a subnet: choose one under Network.');
    expect(problems({ network: 'bridge', ipv4Address: '172.17.0.50' }, null).ipv4Address).toMatch(/^The engine assigns addresses on bridge itself/);
    expect(problems({ network: 'app', ipv4Address: '10.231.0.50' }, { ...app, subnets: [] }).ipv4Address).toMatch(/app has none/);
  });

  it('checks only the form of the address while the network facts are unknown (main checks the rest)', () => {
    expect(problems({ network: 'app', ipv4Address: '10.9.0.5' }, null)).toEqual({});
    // Facts of another network say nothing about the chosen one.
    expect(problems({ network: 'other', ipv4Address: '10.9.0.5' })).toEqual({});
  });
});
