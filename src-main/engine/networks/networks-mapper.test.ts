import { describe, expect, it } from 'vitest';
import { toNetworkSummary } from './networks-mapper';

describe('toNetworkSummary endpoints', () => {
  it('shows the containers running on the network, not the stopped ones Podman lists too', () => {
    // Recorded from Podman 4.3.1: one container running, one created but stopped.
    const net = toNetworkSummary({
      Id: 'n'.repeat(64),
      Name: 'app',
      Containers: {
        ['a'.repeat(64)]: { Name: 'web', EndpointID: '', MacAddress: '6a:c7:7a:83:bc:38', IPv4Address: '10.89.0.2/24', IPv6Address: '' },
        ['b'.repeat(64)]: { Name: 'idle', EndpointID: '', MacAddress: '', IPv4Address: '', IPv6Address: '' },
      },
    });
    expect(net.endpoints.map((e) => e.name)).toEqual(['web']);
  });

  it("keeps Docker's endpoints, which always have an id (even on host, without an address)", () => {
    const net = toNetworkSummary({ Id: 'h'.repeat(64), Name: 'host', Containers: { ['c'.repeat(64)]: { Name: 'agent', EndpointID: 'e'.repeat(64), MacAddress: '', IPv4Address: '', IPv6Address: '' } } });
    expect(net.endpoints.map((e) => e.name)).toEqual(['agent']);
  });
});
