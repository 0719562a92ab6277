import { ApiError } from '../../../src-common/contract/errors';
import type {
  ConnectField,
  ConnectForm,
  ConnectOutcome,
  CreateNetworkOutcome,
  NetworkCreateForm,
  NetworkField,
  NetworkPrunePreview,
  NetworkPruneResult,
  NetworkSummary,
  NetworkUser,
  RemoveNetworkCheck,
} from '../../../src-common/models/networks';
import { checkConnectForm, checkNetworkForm, networkFormMessages, type ConnectTarget } from '../../../src-common/network-form';
import type { DockerClient } from '../connection/docker-client';
import { networkLabel, toNetworkSummary, withoutPrefix } from './networks-mapper';
import { networkMessages } from './networks-messages';
import type { RawContainerWithNetworks, RawNetwork, RawNetworkPruneReport } from './networks-types';
import type { NetworksWatcher } from './networks-watcher';

export interface NetworksServiceDeps {
  requireClient(): DockerClient;
  /** The live list when the watcher has one. */
  liveNetworks(): NetworkSummary[] | null;
  /** A container's current name from the live container list. */
  containerName(id: string): string | undefined;
  /** The live list, told of Berth's own changes (the networks watcher). */
  changed?: Pick<NetworksWatcher, 'refresh' | 'removed' | 'resyncSoon'>;
}

const enc = encodeURIComponent;
const labelFilters = (labels?: readonly string[]) => (labels && labels.length ? { filters: JSON.stringify({ label: labels }) } : {});
const nameOfContainer = (c: RawContainerWithNetworks) => (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');

export function createNetworksService(deps: NetworksServiceDeps) {
  const client = () => deps.requireClient();

  async function inspect(ref: string): Promise<NetworkSummary> {
    const raw = await client().request<RawNetwork>({ method: 'GET', path: `/networks/${enc(ref)}`, action: 'inspect', object: networkLabel(ref) });
    return toNetworkSummary(raw);
  }

  async function list(): Promise<NetworkSummary[]> {
    const live = deps.liveNetworks();
    if (live) return live;
    const raw = await client().request<RawNetwork[]>({ method: 'GET', path: '/networks', action: 'list networks' });
    return Promise.all(raw.map((n) => inspect(n.Id ?? n.Name ?? '')));
  }

  /** Subnets of every network, for the overlap check: the live list, else the engine's list (which has IPAM). */
  async function known(): Promise<{ id: string; name: string; subnets: string[] }[]> {
    const live = deps.liveNetworks();
    const source = live ?? (await client().request<RawNetwork[]>({ method: 'GET', path: '/networks', action: 'list networks' })).map(toNetworkSummary);
    return source.map((n) => ({ id: n.id, name: n.name, subnets: n.subnets.map((s) => s.subnet) }));
  }

  const attachedNames = (net: NetworkSummary) => net.endpoints.map((e) => deps.containerName(e.containerId) ?? e.name);

  async function create(form: NetworkCreateForm): Promise<CreateNetworkOutcome> {
    const checked = checkNetworkForm(form, await known());
    if (!checked.ok) return { outcome: 'invalid', problems: checked.problems };
    const spec = checked.spec;
    const ipamConfig = spec.subnet
      ? [{ Subnet: spec.subnet, ...(spec.gateway ? { Gateway: spec.gateway } : {}), ...(spec.ipRange ? { IPRange: spec.ipRange } : {}) }]
      : [];
    try {
      const created = await client().request<{ Id: string; Warning?: string }>({
        method: 'POST',
        path: '/networks/create',
        body: {
          Name: spec.name,
          CheckDuplicate: true,
          Driver: 'bridge',
          Internal: spec.internal,
          Attachable: spec.attachable,
          EnableIPv6: spec.ipv6,
          IPAM: { Driver: 'default', Config: ipamConfig },
          Labels: spec.labels,
        },
        action: 'create',
        object: networkLabel(spec.name),
      });
      return { outcome: 'created', id: created.Id, name: spec.name, warning: created.Warning ?? '' };
    } catch (err) {
      if (!(err instanceof ApiError) || err.code === 'engine-unreachable') throw err;
      const { field, message } = createRefusalField(err.message, spec.name);
      return { outcome: 'refused', field, message };
    }
  }

  async function stoppedUsersOf(net: NetworkSummary): Promise<NetworkUser[]> {
    // The network filter matches stopped containers by name only (their NetworkID is empty).
    const containers = await client().request<RawContainerWithNetworks[]>({
      method: 'GET',
      path: '/containers/json',
      query: { all: true, filters: JSON.stringify({ network: [net.name] }) },
      action: 'list the containers of',
      object: networkLabel(net.name),
    });
    const running = new Set(net.endpoints.map((e) => e.containerId));
    return containers
      .filter((c) => !running.has(c.Id) && c.State !== 'running')
      .map((c) => ({ id: c.Id, name: nameOfContainer(c), running: false }));
  }

  async function removeCheck(ref: string): Promise<RemoveNetworkCheck> {
    const net = await inspect(ref);
    const attached = net.endpoints.map((e) => ({ id: e.containerId, name: deps.containerName(e.containerId) ?? e.name, running: true }));
    const refusal = net.predefined
      ? networkMessages.predefined(net.name)
      : attached.length
        ? networkMessages.inUse(net.name, attached.map((a) => a.name))
        : null;
    const stoppedUsers = net.predefined ? [] : await stoppedUsersOf(net);
    return { id: net.id, name: net.name, refusal, attached, stoppedUsers };
  }

  async function remove(ref: string): Promise<void> {
    const net = await inspect(ref);
    const object = networkLabel(net.name);
    if (net.predefined) throw new ApiError('conflict', networkMessages.predefined(net.name), object);
    if (net.endpoints.length) throw new ApiError('conflict', networkMessages.inUse(net.name, attachedNames(net)), object);
    try {
      await client().request({ method: 'DELETE', path: `/networks/${enc(net.id)}`, action: 'remove', object });
    } catch (err) {
      // A container started between the check and the call: name it as the check would.
      // Docker: "has active endpoints"; Podman: "has associated containers".
      if (err instanceof ApiError && /has active endpoints|has associated containers/.test(err.message)) {
        const now = await inspect(net.id).catch(() => net);
        throw new ApiError('conflict', networkMessages.inUse(net.name, attachedNames(now)), object);
      }
      throw err;
    }
  }

  /**
   * What `POST /networks/prune` would remove now, by the engine's own rule (moby's
   * localNetworksPrune): every network matching the label filters that is not
   * predefined, not config-only, and has no endpoint, i.e. no running container.
   */
  async function prunePreview(labels?: readonly string[]): Promise<NetworkPrunePreview> {
    const c = client();
    const listed = await c.request<RawNetwork[]>({ method: 'GET', path: '/networks', query: labelFilters(labels), action: 'list networks' });
    const candidates = listed.filter((n) => !n.ConfigOnly && !toNetworkSummary(n).predefined);
    const inspected = await Promise.all(
      candidates.map((n) => c.request<RawNetwork>({ method: 'GET', path: `/networks/${enc(n.Id ?? '')}`, action: 'inspect', object: networkLabel(n.Name ?? '') }).catch(() => null)),
    );
    const unused = inspected.filter((n): n is RawNetwork => n !== null && Object.keys(n.Containers ?? {}).length === 0).map(toNetworkSummary);
    if (unused.length === 0) return { networks: [] };
    const containers = await c.request<RawContainerWithNetworks[]>({ method: 'GET', path: '/containers/json', query: { all: true }, action: 'list containers' });
    return {
      networks: unused
        .map((n) => ({
          id: n.id,
          name: n.name,
          stoppedUsers: containers.filter((ct) => Object.keys(ct.NetworkSettings?.Networks ?? {}).includes(n.name)).map(nameOfContainer),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  async function prune(labels?: readonly string[]): Promise<NetworkPruneResult> {
    const report = await client().request<RawNetworkPruneReport>({
      method: 'POST',
      path: '/networks/prune',
      query: labelFilters(labels),
      action: 'prune networks',
    });
    return { removed: [...(report.NetworksDeleted ?? [])].sort((a, b) => a.localeCompare(b)) };
  }

  async function connect(form: ConnectForm): Promise<ConnectOutcome> {
    const net = await inspect(form.network);
    const target: ConnectTarget = {
      name: net.name,
      predefined: net.predefined,
      subnets: net.subnets,
      taken: net.endpoints.flatMap((e) =>
        [e.ipv4Address, e.ipv6Address].filter((a) => a !== '').map((a) => ({ ip: withoutPrefix(a), container: deps.containerName(e.containerId) ?? e.name })),
      ),
    };
    const checked = checkConnectForm(form, target);
    if (!checked.ok) return { outcome: 'invalid', problems: checked.problems };
    const { container, aliases, ipv4Address, ipv6Address } = checked.spec;
    const ipamConfig = { ...(ipv4Address ? { IPv4Address: ipv4Address } : {}), ...(ipv6Address ? { IPv6Address: ipv6Address } : {}) };
    try {
      await client().request({
        method: 'POST',
        path: `/networks/${enc(net.id)}/connect`,
        body: {
          Container: container,
          EndpointConfig: { ...(aliases.length ? { Aliases: aliases } : {}), ...(Object.keys(ipamConfig).length ? { IPAMConfig: ipamConfig } : {}) },
        },
        // Podman answers "OK" as text, Docker nothing: the answer is not read.
        response: 'text',
        action: `connect ${container} to`,
        object: networkLabel(net.name),
      });
      return { outcome: 'connected' };
    } catch (err) {
      if (!(err instanceof ApiError) || err.code === 'engine-unreachable') throw err;
      const { field, message } = connectRefusalField(err, container, net.name, ipv4Address ?? ipv6Address ?? '');
      return { outcome: 'refused', field, message };
    }
  }

  async function disconnect(network: string, container: string, force: boolean): Promise<void> {
    const name = deps.containerName(container) ?? container;
    await client().request({
      method: 'POST',
      path: `/networks/${enc(network)}/disconnect`,
      body: { Container: container, Force: force },
      response: 'text',
      action: `disconnect ${name} from`,
      object: networkLabel(network),
    });
  }

  // Berth's own changes reach the live list without waiting for an event: some engines
  // (Podman 4) send none for network create, remove and connect.
  const changed = deps.changed;
  return {
    list,
    inspect,
    removeCheck,
    prunePreview,
    async create(form: NetworkCreateForm): Promise<CreateNetworkOutcome> {
      const outcome = await create(form);
      if (outcome.outcome === 'created') void changed?.refresh(outcome.id);
      return outcome;
    },
    async remove(ref: string): Promise<void> {
      await remove(ref);
      changed?.removed(ref);
    },
    async prune(labels?: readonly string[]): Promise<NetworkPruneResult> {
      const result = await prune(labels);
      changed?.resyncSoon();
      return result;
    },
    async connect(form: ConnectForm): Promise<ConnectOutcome> {
      const outcome = await connect(form);
      if (outcome.outcome === 'connected') void changed?.refresh(form.network);
      return outcome;
    },
    async disconnect(network: string, container: string, force: boolean): Promise<void> {
      await disconnect(network, container, force);
      void changed?.refresh(network);
    },
  };
}

export type NetworksService = ReturnType<typeof createNetworksService>;

/** Which create-dialog field an engine refusal concerns. */
export function createRefusalField(message: string, name: string): { field: NetworkField | null; message: string } {
  if (/Pool overlaps with other one on this address space/i.test(message)) return { field: 'subnet', message: networkFormMessages.enginePoolOverlap };
  // Podman's words for the same.
  if (/is already used on the host or by another config/i.test(message)) return { field: 'subnet', message };
  if (/already exists/i.test(message)) return { field: 'name', message: networkMessages.nameTaken(name) };
  if (/gateway/i.test(message)) return { field: 'gateway', message };
  if (/ip ?range/i.test(message)) return { field: 'ipRange', message };
  if (/subnet|pool|CIDR/i.test(message)) return { field: 'subnet', message };
  return { field: null, message };
}

function connectRefusalField(err: ApiError, container: string, network: string, ip: string): { field: ConnectField | null; message: string } {
  const m = err.message;
  if (err.code === 'not-found' && /container/i.test(m)) return { field: 'container', message: networkMessages.noSuchContainer(container) };
  if (/already exists in network|already attached/i.test(m)) return { field: 'container', message: networkMessages.alreadyConnected(container, network) };
  if (/user specified IP address is supported/i.test(m)) return { field: 'ipAddress', message: networkMessages.ipNotSupported(network) };
  if (/Address already in use/i.test(m)) return { field: 'ipAddress', message: networkMessages.ipInUse(ip) };
  if (/IP|address/i.test(m)) return { field: 'ipAddress', message: m };
  if (/alias/i.test(m)) return { field: 'aliases', message: m };
  return { field: null, message: m };
}
