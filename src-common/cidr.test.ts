import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  cidrsOverlap,
  cidrSize,
  cidrWithin,
  formatCidr,
  formatIp,
  hasHostBits,
  lastAddress,
  networkAddress,
  parseCidr,
  parseIp,
  type Cidr,
} from './cidr';

const cidr = (text: string): Cidr => {
  const c = parseCidr(text);
  if (!c) throw new Error(`not a CIDR: ${text}`);
  return c;
};
const ip = (text: string) => {
  const a = parseIp(text);
  if (!a) throw new Error(`not an IP: ${text}`);
  return a;
};

describe('parseIp', () => {
  it.each([
    ['0.0.0.0', 4, 0n],
    ['10.1.2.3', 4, 0x0a010203n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['fd00::', 6, 0xfd00n << 112n],
    ['2001:db8:0:0:0:0:2:1', 6, 0x20010db8000000000000000000020001n],
    ['2001:DB8::2:1', 6, 0x20010db8000000000000000000020001n],
    ['::ffff:10.0.0.1', 6, 0xffff0a000001n],
    ['1:2:3:4:5:6:7:8', 6, 0x00010002000300040005000600070008n],
  ])('reads %s', (text, family, value) => expect(parseIp(text)).toEqual({ family, value }));

  it.each([
    '',
    '10.1.2',
    '10.1.2.3.4',
    '256.0.0.1',
    '10.01.0.1',
    '10.1.2.3 ',
    ' 10.1.2.3',
    '1.2.3.-4',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7::8',
    '12345::',
    'fe80::1%eth0',
    '::10.0.0.1:1',
    'g::1',
    '10.0.0.1/24',
  ])('refuses %j', (text) => expect(parseIp(text)).toBeNull());
});

describe('formatIp', () => {
  it.each([
    ['10.1.2.3', '10.1.2.3'],
    ['::', '::'],
    ['::1', '::1'],
    ['2001:DB8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:1:1:1:1:0:1', '2001:db8:1:1:1:1:0:1'],
    ['fd00:0:0:0:0:0:0:0', 'fd00::'],
  ])('writes %s as %s', (text, expected) => expect(formatIp(ip(text))).toBe(expected));
});

describe('parseCidr', () => {
  it('reads the address and the prefix', () => {
    expect(cidr('172.28.0.0/16')).toEqual({ family: 4, address: 0xac1c0000n, prefix: 16 });
    expect(cidr('fd00:1::/64')).toMatchObject({ family: 6, prefix: 64 });
    expect(cidr('0.0.0.0/0').prefix).toBe(0);
  });

  it.each(['172.28.0.0', '172.28.0.0/', '172.28.0.0/33', 'fd00::/129', '172.28.0.0/016', '172.28.0.0/1a', '/16', 'x/16', '10.0.0.0/ 8'])(
    'refuses %j',
    (text) => expect(parseCidr(text)).toBeNull(),
  );

  it('knows host bits, first and last addresses, size', () => {
    expect(hasHostBits(cidr('10.0.0.1/24'))).toBe(true);
    expect(hasHostBits(cidr('10.0.0.0/24'))).toBe(false);
    expect(formatCidr(cidr('10.0.0.77/24'))).toBe('10.0.0.0/24');
    expect(networkAddress(cidr('10.0.5.7/16'))).toBe(ip('10.0.0.0').value);
    expect(lastAddress(cidr('10.0.5.7/16'))).toBe(ip('10.0.255.255').value);
    expect(lastAddress(cidr('fd00::/64'))).toBe(ip('fd00::ffff:ffff:ffff:ffff').value);
    expect(cidrSize(cidr('10.0.0.0/24'))).toBe(256n);
    expect(cidrSize(cidr('fd00::/64'))).toBe(1n << 64n);
    expect(formatCidr(cidr('FD00:0:0:1::5/64'))).toBe('fd00:0:0:1::/64');
  });
});

describe('containment and overlap', () => {
  it('contains addresses of its own family only', () => {
    expect(cidrContains(cidr('10.1.0.0/16'), ip('10.1.255.255'))).toBe(true);
    expect(cidrContains(cidr('10.1.0.0/16'), ip('10.2.0.0'))).toBe(false);
    expect(cidrContains(cidr('0.0.0.0/0'), ip('::'))).toBe(false);
    expect(cidrContains(cidr('::/0'), ip('::ffff:10.0.0.1'))).toBe(true);
  });

  it('says when a block lies inside another', () => {
    expect(cidrWithin(cidr('10.1.2.0/24'), cidr('10.1.0.0/16'))).toBe(true);
    expect(cidrWithin(cidr('10.1.0.0/16'), cidr('10.1.0.0/16'))).toBe(true);
    expect(cidrWithin(cidr('10.0.0.0/8'), cidr('10.1.0.0/16'))).toBe(false);
    expect(cidrWithin(cidr('10.2.0.0/24'), cidr('10.1.0.0/16'))).toBe(false);
  });

  it.each([
    ['10.1.0.0/16', '10.1.200.0/24', true],
    ['10.1.0.0/16', '10.0.0.0/8', true],
    ['10.1.0.0/16', '10.2.0.0/16', false],
    ['10.1.0.0/25', '10.1.0.128/25', false],
    ['10.1.0.0/24', '10.1.0.255/32', true],
    ['fd00::/64', 'fd00::8000:0:0:0/65', true],
    ['fd00::/64', 'fd00:0:0:1::/64', false],
    ['10.0.0.0/8', '::/0', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(cidrsOverlap(cidr(a), cidr(b))).toBe(expected);
    expect(cidrsOverlap(cidr(b), cidr(a))).toBe(expected);
  });
});
