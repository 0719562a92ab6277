import { describe, expect, it } from 'vitest';
import { fieldForEngineError } from './run-service';

describe('engine refusals land on the field they concern', () => {
  it.each([
    [
      'Cannot start container web: driver failed programming external connectivity on endpoint web (abc): Bind for 0.0.0.0:8080 failed: port is already allocated',
      'ports',
      /Host port 0\.0\.0\.0:8080 is already in use/,
    ],
    ['Cannot start container web: listen tcp4 0.0.0.0:80: bind: address already in use', 'ports', /another program/],
    [
      'Cannot create container web: Conflict. The container name "/web" is already in use by container "0123". You have to remove (or rename) that container to be able to reuse that name.',
      'name',
      /"web" is already used by another container/,
    ],
    ['Cannot create container web: network backend not found', 'network', /network backend not found/],
    ['Cannot create container web: Minimum memory limit allowed is 6MB', 'memory', /Minimum memory/],
    ['Cannot start container web: something unexpected', null, /something unexpected/],
  ])('%s', (message, field, text) => {
    const mapped = fieldForEngineError(message, { name: 'web' });
    expect(mapped.field).toBe(field);
    expect(mapped.message).toMatch(text);
  });

  const onApp = { name: 'web', network: 'app', aliases: ['db'], ipv4Address: '10.231.0.50' };

  it('an address taken on the network lands on the IPv4 field, naming the network and the reason', () => {
    expect(fieldForEngineError('Cannot start container web: Address already in use', onApp)).toEqual({
      field: 'ipv4Address',
      message: 'Network app refused it: Cannot start container web: Address already in use',
    });
    // A host port in use is still the Ports field, even with a fixed address given.
    expect(fieldForEngineError('Cannot start container web: listen tcp4 0.0.0.0:80: bind: address already in use', onApp).field).toBe('ports');
  });

  it('a network without a configured subnet refusing the address lands on the IPv4 field', () => {
    const m = 'Cannot create container web: user specified IP address is supported only when connecting to networks with user configured subnets';
    expect(fieldForEngineError(m, onApp)).toEqual({ field: 'ipv4Address', message: `Network app refused it: ${m}` });
  });

  it('an alias refusal lands on the aliases field', () => {
    const m = 'Cannot create container web: network-scoped alias is supported only for containers in user defined networks';
    expect(fieldForEngineError(m, { ...onApp, ipv4Address: null })).toEqual({ field: 'aliases', message: `Network app refused it: ${m}` });
  });
});
