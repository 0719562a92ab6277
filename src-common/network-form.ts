// The create-network and connect dialogs' rules, pure and shared: the renderer checks a
// field with the very code main runs again before the engine is called. The engine
// itself accepts a gateway outside its subnet, an IP range outside it, or a fixed IP
// outside every subnet of a stopped container's network (it fails only later, at start),
// so these checks are what keeps a broken network from being made.
import {
  cidrContains,
  cidrsOverlap,
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
import { fixedIpMessages, fixedIpProblem, type FixedIpNetwork } from './fixed-ip';
import type {
  ConnectField,
  ConnectFieldProblems,
  ConnectForm,
  NetworkCreateForm,
  NetworkField,
  NetworkFieldProblems,
} from './models/networks';
import { isDnsName, runNetworkMessages, splitAliases } from './run-network';
import { parseKeyValues } from './run-spec';
import { show } from './parsed';

/** Every user-visible sentence of these checks. */
export const networkFormMessages = {
  ...fixedIpMessages,
  nameEmpty: 'Give the network a name.',
  name: (n: string) =>
    `"${show(n)}" is not a valid network name: use letters, digits, "_", "." and "-", starting with a letter or digit.`,
  nameTaken: (n: string) => `A network named "${show(n)}" already exists.`,
  cidr: (s: string) => `"${show(s)}" is not a subnet: write an address and a prefix length, e.g. 172.28.0.0/16 or fd00:1::/64.`,
  hostBits: (s: string, fixed: string) => `${show(s)} has host bits set: the subnet starts at ${fixed}.`,
  tooSmall: (s: string) => `${show(s)} leaves no address for containers: use a prefix of /30 or shorter (/126 for IPv6).`,
  overlaps: (s: string, other: string, network: string) =>
    `${show(s)} overlaps ${other}, the subnet of network ${network}. Choose a range no other network uses.`,
  enginePoolOverlap: 'This subnet overlaps the subnet of another network on the engine. Choose another range.',
  needsSubnet: 'Give a subnet first: the engine picks the gateway and range of subnets it chooses itself.',
  family: (s: string, family: 4 | 6) => `${show(s)} is not an IPv${family} address, like the subnet.`,
  gatewayOutside: (g: string, subnet: string) => `The gateway ${show(g)} is not inside the subnet ${subnet}.`,
  gatewayNetwork: (g: string) => `${show(g)} is the subnet's own network address; the gateway needs a host address.`,
  gatewayBroadcast: (g: string) => `${show(g)} is the subnet's broadcast address; the gateway needs a host address.`,
  rangeOutside: (r: string, subnet: string) => `The IP range ${show(r)} is not inside the subnet ${subnet}.`,
  container: 'Choose a container.',
  alias: runNetworkMessages.alias,
  aliasesPredefined: runNetworkMessages.aliasesPredefined,
} as const;

const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** A network as these checks need to know it. */
export interface KnownNetwork {
  id: string;
  name: string;
  subnets: readonly string[];
}

/** The checked create request, ready for `POST /networks/create`. */
export interface NetworkCreateSpec {
  name: string;
  /** Canonical subnet, null to let the engine choose. */
  subnet: string | null;
  gateway: string | null;
  ipRange: string | null;
  ipv6: boolean;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
}

export type NetworkFormCheck = { ok: true; spec: NetworkCreateSpec } | { ok: false; problems: NetworkFieldProblems };

/** A subnet the engine would accept and a bridge can use; the message otherwise. */
export function subnetProblem(text: string): string | null {
  const cidr = parseCidr(text);
  if (!cidr) return networkFormMessages.cidr(text);
  if (hasHostBits(cidr)) return networkFormMessages.hostBits(text, formatCidr(cidr));
  if (cidr.prefix > (cidr.family === 4 ? 30 : 126)) return networkFormMessages.tooSmall(text);
  return null;
}

/** The first known network whose subnet overlaps `subnet`, and that subnet. */
export function overlappingNetwork(subnet: Cidr, networks: readonly KnownNetwork[]): { network: string; subnet: string } | null {
  for (const n of networks) {
    for (const s of n.subnets) {
      const other = parseCidr(s);
      if (other && cidrsOverlap(subnet, other)) return { network: n.name, subnet: s };
    }
  }
  return null;
}

/** Checks every field at once; one message per field. */
export function checkNetworkForm(form: NetworkCreateForm, networks: readonly KnownNetwork[]): NetworkFormCheck {
  const problems: NetworkFieldProblems = {};
  const name = form.name.trim();
  if (name === '') problems.name = networkFormMessages.nameEmpty;
  else if (!NETWORK_NAME.test(name) || name.length > 128) problems.name = networkFormMessages.name(name);
  else if (networks.some((n) => n.name === name)) problems.name = networkFormMessages.nameTaken(name);

  const subnetText = form.subnet.trim();
  const gatewayText = form.gateway.trim();
  const rangeText = form.ipRange.trim();
  let subnet: Cidr | null = null;
  if (subnetText !== '') {
    const problem = subnetProblem(subnetText);
    if (problem) problems.subnet = problem;
    else {
      subnet = parseCidr(subnetText)!;
      const clash = overlappingNetwork(subnet, networks);
      if (clash) problems.subnet = networkFormMessages.overlaps(subnetText, clash.subnet, clash.network);
    }
  }
  const canonicalSubnet = subnet ? formatCidr(subnet) : '';

  let gateway: string | null = null;
  if (gatewayText !== '') {
    const ip = parseIp(gatewayText);
    if (subnetText === '') problems.gateway = networkFormMessages.needsSubnet;
    else if (!ip) problems.gateway = networkFormMessages.ip(gatewayText);
    else if (subnet && ip.family !== subnet.family) problems.gateway = networkFormMessages.family(gatewayText, subnet.family);
    else if (subnet && !cidrContains(subnet, ip)) problems.gateway = networkFormMessages.gatewayOutside(gatewayText, canonicalSubnet);
    else if (subnet && ip.value === networkAddress(subnet)) problems.gateway = networkFormMessages.gatewayNetwork(gatewayText);
    else if (subnet && subnet.family === 4 && ip.value === lastAddress(subnet)) {
      problems.gateway = networkFormMessages.gatewayBroadcast(gatewayText);
    } else gateway = formatIp(ip);
  }

  let ipRange: string | null = null;
  if (rangeText !== '') {
    const range = parseCidr(rangeText);
    if (subnetText === '') problems.ipRange = networkFormMessages.needsSubnet;
    else if (!range) problems.ipRange = networkFormMessages.cidr(rangeText);
    else if (hasHostBits(range)) problems.ipRange = networkFormMessages.hostBits(rangeText, formatCidr(range));
    else if (subnet && range.family !== subnet.family) problems.ipRange = networkFormMessages.family(rangeText, subnet.family);
    else if (subnet && !cidrWithin(range, subnet)) problems.ipRange = networkFormMessages.rangeOutside(rangeText, canonicalSubnet);
    else ipRange = formatCidr(range);
  }

  const labels = parseKeyValues(form.labels, 'label');
  if (!labels.ok) problems.labels = labels.message;

  if (Object.keys(problems).length > 0 || !labels.ok) return { ok: false, problems };
  return {
    ok: true,
    spec: {
      name,
      subnet: subnet ? canonicalSubnet : null,
      gateway,
      ipRange,
      ipv6: subnet?.family === 6,
      internal: form.internal,
      attachable: form.attachable,
      labels: labels.value,
    },
  };
}

/** The problem of one field, for checking as the user leaves it. */
export function networkFieldProblem(field: NetworkField, form: NetworkCreateForm, networks: readonly KnownNetwork[]): string | null {
  const check = checkNetworkForm(form, networks);
  return check.ok ? null : (check.problems[field] ?? null);
}

export const emptyNetworkForm = (): NetworkCreateForm => ({
  name: '',
  subnet: '',
  gateway: '',
  ipRange: '',
  internal: false,
  attachable: false,
  labels: '',
});

// ---------------------------------------------------------------- connect

/** The network a container is being connected to, as the connect checks need it. */
export type ConnectTarget = FixedIpNetwork;

export interface ConnectSpec {
  container: string;
  aliases: string[];
  ipv4Address: string | null;
  ipv6Address: string | null;
}

export type ConnectFormCheck = { ok: true; spec: ConnectSpec } | { ok: false; problems: ConnectFieldProblems };

export { splitAliases };

export function checkConnectForm(form: ConnectForm, target: ConnectTarget): ConnectFormCheck {
  const problems: ConnectFieldProblems = {};
  const container = form.container.trim();
  if (container === '') problems.container = networkFormMessages.container;

  const aliases = splitAliases(form.aliases);
  const badAlias = aliases.find((a) => !isDnsName(a));
  if (badAlias !== undefined) problems.aliases = networkFormMessages.alias(badAlias);
  // The engine refuses aliases on its own networks (bridge, host, none), as docker run does.
  else if (aliases.length > 0 && target.predefined) problems.aliases = networkFormMessages.aliasesPredefined(target.name);

  let ipv4Address: string | null = null;
  let ipv6Address: string | null = null;
  const ipText = form.ipAddress.trim();
  if (ipText !== '') {
    const problem = fixedIpProblem(ipText, target);
    if (problem) problems.ipAddress = problem;
    else {
      const ip = parseIp(ipText)!;
      if (ip.family === 4) ipv4Address = formatIp(ip);
      else ipv6Address = formatIp(ip);
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, spec: { container, aliases, ipv4Address, ipv6Address } };
}

export function connectFieldProblem(field: ConnectField, form: ConnectForm, target: ConnectTarget): string | null {
  const check = checkConnectForm(form, target);
  return check.ok ? null : (check.problems[field] ?? null);
}
