// Published ports as `docker run -p` reads them (nat.ParsePortSpec): [ip:][hostPort:]
// containerPort[/proto], ranges included, addresses parsed as the engine parses them.
import { parseIp } from './cidr';
import { fail, ok, show, type Parsed } from './parsed';

export type Protocol = 'tcp' | 'udp' | 'sctp';

/** One published container port. */
export interface PortBinding {
  containerPort: number;
  protocol: Protocol;
  /** Empty: all interfaces. */
  hostIp: string;
  /** Empty: a random host port; may be a range ("8000-8010") for a single container port. */
  hostPort: string;
}

export const runPortMessages = {
  portFormat: (p: string) => `"${show(p)}" is not a port mapping: write [ip:][hostPort:]containerPort[/tcp|udp|sctp], e.g. 8080:80.`,
  portProtocol: (p: string) => `Unknown protocol "${show(p)}": use tcp, udp or sctp.`,
  portNumber: (p: string) => `"${show(p)}" is not a port: ports are numbers from 1 to 65535.`,
  portRange: (p: string) => `"${show(p)}" is not a valid range: the first port must not be above the last.`,
  portRanges: (p: string) => `"${show(p)}": the host and container ranges must have the same length.`,
  portIp: (ip: string) => `"${show(ip)}" is not an IP address.`,
  portsWithNetwork: (network: string) => `Ports cannot be published on the "${network}" network.`,
} as const;

const PORT_NUMBER = /^\d{1,5}$/;

function parsePortRange(text: string): Parsed<[number, number]> {
  const [a, b, ...rest] = text.split('-');
  if (rest.length || a === undefined || !PORT_NUMBER.test(a) || (b !== undefined && !PORT_NUMBER.test(b))) {
    return fail(runPortMessages.portNumber(text));
  }
  const start = Number(a);
  const end = b === undefined ? start : Number(b);
  if (start < 1 || start > 65535 || end < 1 || end > 65535) return fail(runPortMessages.portNumber(text));
  if (end < start) return fail(runPortMessages.portRange(text));
  return ok([start, end]);
}

const isIpv4 = (ip: string): boolean => parseIp(ip)?.family === 4;
const isIpv6 = (ip: string): boolean => parseIp(ip)?.family === 6;

/** One mapping: [ip:][hostPort:]containerPort[/proto], ranges allowed as in `docker run -p`. */
export function parsePortSpec(spec: string): Parsed<PortBinding[]> {
  let rest = spec;
  let protocol: Protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    const proto = rest.slice(slash + 1).toLowerCase();
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return fail(runPortMessages.portProtocol(proto));
    protocol = proto;
    rest = rest.slice(0, slash);
  }
  let hostIp = '';
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close < 0) return fail(runPortMessages.portFormat(spec));
    hostIp = rest.slice(1, close);
    if (!isIpv6(hostIp)) return fail(runPortMessages.portIp(hostIp));
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  let hostPart = '';
  let containerPart: string;
  if (parts.length === 1) containerPart = parts[0]!;
  else if (parts.length === 2) [hostPart, containerPart] = parts as [string, string];
  else if (parts.length === 3 && hostIp === '') {
    hostIp = parts[0]!;
    hostPart = parts[1]!;
    containerPart = parts[2]!;
    if (!isIpv4(hostIp) && !isIpv6(hostIp)) return fail(runPortMessages.portIp(hostIp));
  } else return fail(runPortMessages.portFormat(spec));
  if (containerPart === '') return fail(runPortMessages.portFormat(spec));

  const container = parsePortRange(containerPart);
  if (!container.ok) return container;
  const [cStart, cEnd] = container.value;
  if (hostPart === '') {
    const out: PortBinding[] = [];
    for (let p = cStart; p <= cEnd; p++) out.push({ containerPort: p, protocol, hostIp, hostPort: '' });
    return ok(out);
  }
  const host = parsePortRange(hostPart);
  if (!host.ok) return host;
  const [hStart, hEnd] = host.value;
  if (cEnd - cStart !== hEnd - hStart) {
    // A host range for one container port lets the engine pick a free one from it.
    if (cStart === cEnd) return ok([{ containerPort: cStart, protocol, hostIp, hostPort: `${hStart}-${hEnd}` }]);
    return fail(runPortMessages.portRanges(spec));
  }
  const out: PortBinding[] = [];
  for (let i = 0; i <= cEnd - cStart; i++) {
    out.push({ containerPort: cStart + i, protocol, hostIp, hostPort: String(hStart + i) });
  }
  return ok(out);
}

/** Several mappings, separated by newlines, commas or spaces. */
export function parsePorts(input: string): Parsed<PortBinding[]> {
  const out: PortBinding[] = [];
  for (const spec of input.split(/[\s,]+/).filter((s) => s !== '')) {
    const parsed = parsePortSpec(spec);
    if (!parsed.ok) return parsed;
    out.push(...parsed.value);
  }
  return ok(out);
}
