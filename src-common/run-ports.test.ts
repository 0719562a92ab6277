import { describe, expect, it } from 'vitest';
import { parsedMessage, parsedValue } from './parsed-expect';
import { parsePorts } from './run-ports';

const value = parsedValue;
const message = parsedMessage;

describe('ports', () => {
  it('container port only: random host port, tcp', () =>
    expect(value(parsePorts('80'))).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: '' }]));
  it('host:container/udp', () =>
    expect(value(parsePorts('5353:53/udp'))).toEqual([{ containerPort: 53, protocol: 'udp', hostIp: '', hostPort: '5353' }]));
  it('ip:host:container and ip::container', () => {
    expect(value(parsePorts('127.0.0.1:8080:80'))).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: '8080' },
    ]);
    expect(value(parsePorts('127.0.0.1::80'))).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: '' }]);
  });
  it('bracketed IPv6', () =>
    expect(value(parsePorts('[::1]:8080:80/sctp'))).toEqual([{ containerPort: 80, protocol: 'sctp', hostIp: '::1', hostPort: '8080' }]));
  it('equal ranges map one to one; a host range for one port is passed through', () => {
    expect(value(parsePorts('8000-8002:80-82')).map((p) => `${p.hostPort}->${p.containerPort}`)).toEqual([
      '8000->80',
      '8001->81',
      '8002->82',
    ]);
    expect(value(parsePorts('8000-8010:80'))).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: '8000-8010' }]);
    expect(value(parsePorts('80-81'))).toHaveLength(2);
  });
  it('several, separated by newlines, commas or spaces', () =>
    expect(value(parsePorts('80\n443:443, 53/udp  9000:9000\n'))).toHaveLength(4));
  it('empty is no ports', () => expect(value(parsePorts(' \n '))).toEqual([]));
  it.each([
    ['0', /1 to 65535/],
    ['65536', /1 to 65535/],
    ['70000:80', /1 to 65535/],
    ['8080:0', /1 to 65535/],
    ['http', /1 to 65535/],
    ['80/icmp', /Unknown protocol/],
    ['90-80', /not a valid range/],
    ['8000-8001:80-82', /same length/],
    ['8080:80-81', /same length/],
    ['1.2.3:80:80', /not an IP/],
    ['300.1.1.1:80:80', /not an IP/],
    ['a:b:c:d', /not a port mapping/],
    ['8080:', /not a port mapping/],
    ['[::1:80', /not a port mapping/],
    ['[zz]:80:80', /not an IP/],
    ['010.0.0.1:80:80', /not an IP/], // leading zeros: the engine (Go's net.ParseIP) refuses them
  ])('refuses %j', (input, pattern) => expect(message(parsePorts(input))).toMatch(pattern));
});
