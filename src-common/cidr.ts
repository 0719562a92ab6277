// IPv4 and IPv6 addresses and CIDR blocks, pure, for the network dialogs and main alike.
// Parsing follows Go's net.ParseIP / net.ParseCIDR, which the engine uses: dotted quads
// without leading zeros, IPv6 with one "::" and an optional dotted tail, no zones.

export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  /** The address as a number: 32 bits for IPv4, 128 for IPv6. */
  value: bigint;
}

export interface Cidr {
  family: IpFamily;
  /** The address as written (host bits may be set: see hasHostBits). */
  address: bigint;
  prefix: number;
}

const bitsOf = (family: IpFamily) => (family === 4 ? 32 : 128);

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return null;
  // A dotted tail is only allowed at the very end.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** An IPv4 or IPv6 address, or null when the text is not one. Surrounding spaces are not allowed. */
export function parseIp(text: string): IpAddress | null {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === null ? null : { family: 4, value };
}

/** "a.b.c.d/n" or "x::/n"; null when not a CIDR block. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > bitsOf(ip.family)) return null;
  return { family: ip.family, address: ip.value, prefix };
}

function hostMask(family: IpFamily, prefix: number): bigint {
  return (1n << BigInt(bitsOf(family) - prefix)) - 1n;
}

/** The first address of the block (host bits cleared). */
export function networkAddress(cidr: Cidr): bigint {
  return cidr.address & ~hostMask(cidr.family, cidr.prefix);
}

/** The last address of the block: IPv4's broadcast address. */
export function lastAddress(cidr: Cidr): bigint {
  return networkAddress(cidr) | hostMask(cidr.family, cidr.prefix);
}

/** True when the address part has bits set past the prefix ("10.0.0.1/24"). */
export function hasHostBits(cidr: Cidr): boolean {
  return (cidr.address & hostMask(cidr.family, cidr.prefix)) !== 0n;
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  return ip.family === cidr.family && ip.value >= networkAddress(cidr) && ip.value <= lastAddress(cidr);
}

/** Whether `inner` lies wholly inside `outer`. */
export function cidrWithin(inner: Cidr, outer: Cidr): boolean {
  return (
    inner.family === outer.family &&
    inner.prefix >= outer.prefix &&
    networkAddress(inner) >= networkAddress(outer) &&
    lastAddress(inner) <= lastAddress(outer)
  );
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && networkAddress(a) <= lastAddress(b) && networkAddress(b) <= lastAddress(a);
}

/** Dotted quad, or RFC 5952 IPv6 (lower case, the longest run of two or more zero groups as "::"). */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The block written canonically, host bits cleared: "10.1.0.0/16", "fd00::/64". */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ family: cidr.family, value: networkAddress(cidr) })}/${cidr.prefix}`;
}

/** How many addresses the block holds. */
export function cidrSize(cidr: Cidr): bigint {
  return 1n << BigInt(bitsOf(cidr.family) - cidr.prefix);
}
