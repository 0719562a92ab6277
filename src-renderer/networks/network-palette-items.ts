import type { NetworkSummary } from '../../src-common/models/networks';
import { hrefs } from '../router/route';
import { networkStrings as t } from './strings';

/** The palette's network entries: the networks feature says what they are; the palette ranks and runs them. */
export interface NetworkPaletteEntry {
  key: string;
  label: string;
  kind: 'network' | 'action';
  detail: string;
  action: { type: 'navigate'; href: string } | { type: 'network'; action: 'connect'; id: string };
}

const detailOf = (n: NetworkSummary) => t.paletteDetail(n.driver, n.subnets[0]?.subnet ?? '', n.endpoints.length);

/** A jump to each network, and "Connect a container to X" where a container can join (not host or none). */
export function networkPaletteItems(networks: readonly NetworkSummary[]): NetworkPaletteEntry[] {
  const sorted = [...networks].sort((a, b) => a.name.localeCompare(b.name));
  const jumps = sorted.map(
    (n): NetworkPaletteEntry => ({
      key: `network:${n.id}`,
      label: t.paletteOpen(n.name),
      kind: 'network',
      detail: detailOf(n),
      action: { type: 'navigate', href: hrefs.network(n.id) },
    }),
  );
  const connects = sorted.filter(canConnectTo).map(
    (n): NetworkPaletteEntry => ({
      key: `network-connect:${n.id}`,
      label: t.connectTo(n.name),
      kind: 'action',
      detail: detailOf(n),
      action: { type: 'network', action: 'connect', id: n.id },
    }),
  );
  return [...jumps, ...connects];
}

/** host and none take no extra containers: the engine refuses to connect to them. */
export function canConnectTo(n: NetworkSummary): boolean {
  return n.driver !== 'host' && n.driver !== 'null';
}
