// The run dialog's network aliases and fixed IPv4 address (docker run --network-alias,
// --ip). Both work only on a network the user created: the engine refuses aliases on the
// default bridge, and a fixed address needs a subnet the user configured.
import { formatIp, parseIp } from './cidr';
import { fixedIpProblem, type FixedIpNetwork } from './fixed-ip';
import { show, type Parsed } from './parsed';

export const runNetworkMessages = {
  alias: (a: string) =>
    `"${show(a)}" is not a valid alias: use a DNS name, letters, digits and "-" in parts of at most 63 characters separated by dots, not starting or ending with "-".`,
  aliasesNeedNetwork: 'Aliases work only on a network you created: choose one under Network.',
  aliasesPredefined: (network: string) => `Aliases work only on networks you created, not on ${network}. Choose another network.`,
  ipv4: (s: string) => `"${show(s)}" is not an IPv4 address, e.g. 172.28.0.10.`,
  ipNeedsNetwork: 'A fixed IP needs a network you created with a subnet: choose one under Network.',
} as const;

/** The engine's own networks, known by name when the dialog has not read the list. */
const BUILT_IN = new Set(['bridge', 'host', 'none', 'podman']);

/** Whether `network` (a name, null for the default) is one the user made. */
function userDefined(network: string | null, facts: FixedIpNetwork | null | undefined): boolean {
  if (network === null || BUILT_IN.has(network) || network.includes(':')) return false;
  return !(facts && facts.predefined);
}

/** RFC 1123 host names: labels of letters, digits and inner "-", at most 63 each, 253 in all. */
const DNS_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
export const isDnsName = (name: string): boolean => name.length <= 253 && name.split('.').every((l) => DNS_LABEL.test(l));

/** Aliases separated by commas, spaces or new lines; duplicates dropped. */
export function splitAliases(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((a) => a !== ''))];
}

/** Aliases as splitAliases reads them, each a DNS name, on a network the user made. */
export function parseAliases(input: string, network: string | null, facts?: FixedIpNetwork | null): Parsed<string[]> {
  const aliases = splitAliases(input);
  if (aliases.length === 0) return { ok: true, value: [] };
  const bad = aliases.find((a) => !isDnsName(a));
  if (bad !== undefined) return { ok: false, message: runNetworkMessages.alias(bad) };
  if (!userDefined(network, facts)) {
    return { ok: false, message: network === null ? runNetworkMessages.aliasesNeedNetwork : runNetworkMessages.aliasesPredefined(network) };
  }
  return { ok: true, value: aliases };
}

/**
 * A fixed IPv4 address on the chosen network. With the network's facts (subnets, addresses
 * in use) it must fall inside a subnet and be free; without them only its form is checked
 * here, and main checks the rest against the engine's inspect before it creates anything.
 */
export function parseIpv4Address(input: string, network: string | null, facts?: FixedIpNetwork | null): Parsed<string | null> {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  const ip = parseIp(text);
  if (!ip || ip.family !== 4) return { ok: false, message: runNetworkMessages.ipv4(text) };
  if (network === null) return { ok: false, message: runNetworkMessages.ipNeedsNetwork };
  if (!userDefined(network, facts)) return { ok: false, message: fixedIpProblem(text, { name: network, predefined: true, subnets: [], taken: [] })! };
  const problem = facts ? fixedIpProblem(text, facts) : null;
  return problem ? { ok: false, message: problem } : { ok: true, value: formatIp(ip) };
}
