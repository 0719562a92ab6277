// A fixed container address on a network: the connect dialog and the run dialog check it
// with the same rules (the engine accepts an address outside the subnet of a stopped
// container's network and fails only later, at start).
import { cidrContains, formatCidr, lastAddress, networkAddress, parseCidr, parseIp } from './cidr';
import { show } from './parsed';

export const fixedIpMessages = {
  ip: (s: string) => `"${show(s)}" is not an IP address.`,
  fixedIpNeedsSubnet: (network: string) =>
    `A fixed IP needs a network you created with a subnet; ${network} has none. Leave it empty for an automatic address.`,
  fixedIpPredefined: (network: string) =>
    `The engine assigns addresses on ${network} itself; a fixed IP works only on networks you created with a subnet.`,
  ipOutside: (ip: string, subnets: string) => `${show(ip)} is outside the network's subnet (${subnets}).`,
  ipReserved: (ip: string) => `${show(ip)} is the subnet's network or broadcast address.`,
  ipGateway: (ip: string) => `${show(ip)} is the network's gateway.`,
  ipTaken: (ip: string, container: string) => `${show(ip)} is already used by ${container} on this network.`,
} as const;

/** A network as the fixed-address check needs to know it. */
export interface FixedIpNetwork {
  name: string;
  predefined: boolean;
  subnets: readonly { subnet: string; gateway: string }[];
  /** Addresses in use, without prefix length, and who holds them. */
  taken: readonly { ip: string; container: string }[];
}

/** Why `text` cannot be a container's fixed address on `target`, or null when it can. */
export function fixedIpProblem(text: string, target: FixedIpNetwork): string | null {
  const ip = parseIp(text);
  if (!ip) return fixedIpMessages.ip(text);
  if (target.predefined) return fixedIpMessages.fixedIpPredefined(target.name);
  const subnets = target.subnets.flatMap((s) => {
    const cidr = parseCidr(s.subnet);
    return cidr ? [{ cidr, gateway: s.gateway }] : [];
  });
  if (subnets.length === 0) return fixedIpMessages.fixedIpNeedsSubnet(target.name);
  const home = subnets.find((s) => cidrContains(s.cidr, ip));
  if (!home) return fixedIpMessages.ipOutside(text, subnets.map((s) => formatCidr(s.cidr)).join(', '));
  if (ip.value === networkAddress(home.cidr) || (ip.family === 4 && ip.value === lastAddress(home.cidr))) {
    return fixedIpMessages.ipReserved(text);
  }
  const gateway = home.gateway ? parseIp(home.gateway) : null;
  if (gateway && gateway.value === ip.value && gateway.family === ip.family) return fixedIpMessages.ipGateway(text);
  const holder = target.taken.find((t) => {
    const other = parseIp(t.ip);
    return other && other.family === ip.family && other.value === ip.value;
  });
  if (holder) return fixedIpMessages.ipTaken(text, holder.container);
  return null;
}
