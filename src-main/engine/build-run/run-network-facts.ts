import type { FixedIpNetwork } from '../../../src-common/fixed-ip';
import type { NetworkChoice } from '../../../src-common/models/build-run';
import type { DockerClient } from '../connection/docker-client';
import { networkLabel, toNetworkSummary, withoutPrefix } from '../networks/networks-mapper';
import type { RawNetwork } from '../networks/networks-types';

/** A network as the run dialog offers it: with the subnets its fixed-address field is checked against. */
export function toNetworkChoice(raw: RawNetwork): NetworkChoice {
  const n = toNetworkSummary(raw);
  return { id: n.id, name: n.name, driver: n.driver, predefined: n.predefined, subnets: n.subnets.map(({ subnet, gateway }) => ({ subnet, gateway })) };
}

/**
 * The chosen network's subnets and the addresses its running containers hold (GET
 * /networks/{name}): main checks aliases and a fixed address against them again, so a
 * client that skipped the form's checks cannot create a container that fails at start.
 */
export async function networkFacts(client: DockerClient, name: string): Promise<FixedIpNetwork> {
  const raw = await client.request<RawNetwork>({ method: 'GET', path: `/networks/${encodeURIComponent(name)}`, action: 'inspect', object: networkLabel(name) });
  const n = toNetworkSummary(raw);
  return {
    name,
    predefined: n.predefined,
    subnets: n.subnets,
    taken: n.endpoints.flatMap((e) => (e.ipv4Address ? [{ ip: withoutPrefix(e.ipv4Address), container: e.name }] : [])),
  };
}
