import { ApiError } from '../../../src-common/contract/errors';
import type { NetworkChoice, RunField, RunForm, RunOptions, RunOutcome } from '../../../src-common/models/build-run';
import { checkRunForm } from '../../../src-common/run-spec';
import type { DockerClient } from '../connection/docker-client';
import type { FixedIpNetwork } from '../../../src-common/fixed-ip';
import type { RawNetwork } from '../networks/networks-types';
import { runCreateBody } from './run-create-body';
import { networkFacts, toNetworkChoice } from './run-network-facts';

export const runMessages = {
  portAllocated: (address: string) =>
    `Host port ${address} is already in use. Choose another host port, or leave it out for a random one.`,
  addressInUse: (reason: string) => `A host port is already in use by another program: ${reason}`,
  nameInUse: (name: string) => `The name "${name}" is already used by another container. Choose another name.`,
  noSuchNetwork: (name: string) => `There is no network ${name} on the engine. Choose another network.`,
  networkRefused: (network: string, reason: string) => `Network ${network} refused it: ${reason}`,
} as const;

interface RawInfo {
  NCPU?: number;
  MemTotal?: number;
}

/** Which field an engine refusal concerns, and the words to show there. */
export function fieldForEngineError(
  message: string,
  spec: { name: string | null; network?: string | null; aliases?: readonly string[]; ipv4Address?: string | null },
): { field: RunField | null; message: string } {
  // A fixed address or an alias the network refused: name the network and the engine's reason.
  // ("Address already in use" is an IP taken on the network; a host port is "bind: address already in use".)
  if (spec.network && spec.ipv4Address && (/IP address|IPv4|address pool|subnet/i.test(message) || /(?<!bind: )Address already in use/.test(message))) {
    return { field: 'ipv4Address', message: runMessages.networkRefused(spec.network, message) };
  }
  if (spec.network && spec.aliases?.length && /alias/i.test(message)) {
    return { field: 'aliases', message: runMessages.networkRefused(spec.network, message) };
  }
  const bind = /Bind for (\S+) failed: port is already allocated/.exec(message);
  if (bind) return { field: 'ports', message: runMessages.portAllocated(bind[1]!) };
  if (/address already in use/.test(message)) return { field: 'ports', message: runMessages.addressInUse(message) };
  if (/is already in use by container/.test(message)) return { field: 'name', message: runMessages.nameInUse(spec.name ?? '') };
  if (/network .* not found/i.test(message)) return { field: 'network', message };
  if (/memory/i.test(message)) return { field: 'memory', message };
  if (/cpu/i.test(message)) return { field: 'cpus', message };
  if (/mount|volume|bind source/i.test(message)) return { field: 'volumes', message };
  if (/restart policy/i.test(message)) return { field: 'restartPolicy', message };
  return { field: null, message };
}

export interface RunService {
  options(): Promise<RunOptions>;
  start(form: RunForm): Promise<RunOutcome>;
}

export function createRunService(requireClient: () => DockerClient): RunService {
  async function options(): Promise<RunOptions> {
    const client = requireClient();
    const [networks, info] = await Promise.all([
      client.request<RawNetwork[]>({ method: 'GET', path: '/networks', action: 'list networks' }),
      client.request<RawInfo>({ method: 'GET', path: '/info', action: 'read engine information' }),
    ]);
    const choices: NetworkChoice[] = networks
      .filter((n) => typeof n.Name === 'string')
      .map(toNetworkChoice)
      .sort((a, b) => a.name.localeCompare(b.name));
    const positive = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null);
    return { networks: choices, hostCpus: positive(info.NCPU), hostMemoryBytes: positive(info.MemTotal) };
  }

  async function start(form: RunForm): Promise<RunOutcome> {
    const client = requireClient();
    let hostCpus: number | null = null;
    if (form.cpus.trim() !== '') {
      const info = await client.request<RawInfo>({ method: 'GET', path: '/info', action: 'read engine information' });
      hostCpus = typeof info.NCPU === 'number' ? info.NCPU : null;
    }
    // Aliases and a fixed address are checked against the chosen network as the engine has it now.
    let network: FixedIpNetwork | null = null;
    const networkName = form.network.trim();
    if (networkName !== '' && (form.aliases.trim() !== '' || form.ipv4Address.trim() !== '')) {
      try {
        network = await networkFacts(client, networkName);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'not-found') return { outcome: 'refused', field: 'network', message: runMessages.noSuchNetwork(networkName) };
        throw err;
      }
    }
    const checked = checkRunForm(form, { hostCpus, network });
    if (!checked.ok) return { outcome: 'invalid', problems: checked.problems };
    const spec = checked.spec;
    if (!(await client.imageExists(spec.image))) return { outcome: 'image-missing', image: spec.image };

    let created: { Id: string; Warnings?: string[] | null };
    try {
      created = await client.request<{ Id: string; Warnings?: string[] | null }>({
        method: 'POST',
        path: '/containers/create',
        query: spec.name ? { name: spec.name } : {},
        body: runCreateBody(spec),
        action: 'create',
        object: spec.name ? `container ${spec.name}` : 'a container',
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not-found' && /No such image/i.test(err.message)) {
        return { outcome: 'image-missing', image: spec.image };
      }
      return refusal(err, spec);
    }
    const object = spec.name ? `container ${spec.name}` : `container ${created.Id.slice(0, 12)}`;
    try {
      await client.request({ method: 'POST', path: `/containers/${created.Id}/start`, action: 'start', object, alsoOk: [304] });
    } catch (err) {
      // Never started: remove it so fixing the field and running again starts clean.
      await client
        .request({ method: 'DELETE', path: `/containers/${created.Id}`, query: { force: true, v: true }, action: 'remove', object })
        .catch(() => {});
      return refusal(err, spec);
    }
    const name = spec.name ?? (await containerName(client, created.Id));
    return { outcome: 'started', id: created.Id, name, warnings: created.Warnings ?? [] };
  }

  function refusal(err: unknown, spec: Parameters<typeof fieldForEngineError>[1]): RunOutcome {
    if (!(err instanceof ApiError) || err.code === 'engine-unreachable') throw err;
    const mapped = fieldForEngineError(err.message, spec);
    return { outcome: 'refused', field: mapped.field, message: mapped.message };
  }

  return { options, start };
}

async function containerName(client: DockerClient, id: string): Promise<string> {
  const raw = await client.request<{ Name?: string }>({ method: 'GET', path: `/containers/${id}/json`, action: 'inspect', object: `container ${id.slice(0, 12)}` });
  return (raw.Name ?? id.slice(0, 12)).replace(/^\//, '');
}
