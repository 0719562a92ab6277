import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunForm } from '../../../src-common/models/build-run';
import { emptyRunForm } from '../../../src-common/run-spec';
import {
  closeFixtureClient,
  createTestNetwork,
  ensureBusyboxImage,
  fixtureClient,
  removeTestNetwork,
  removeTestObjects,
  TEST_IMAGE,
  TEST_LABELS,
  TEST_RUN_ID,
  TEST_RUN_LABEL,
  uniqueName,
} from '../../test-support/engine-fixtures';
import { createRunService } from './run-service';

const run = promisify(execFile);
const IDLE = `sh -c 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'`;
const labelLines = Object.entries(TEST_LABELS)
  .map(([k, v]) => `${k}=${v}`)
  .join('\n');
// A block of its own per run, so runs that overlap in time do not refuse each other's subnets.
const block = 16 + (randomBytes(1)[0]! % 200);
const prefix = `10.${block}.${200 + (randomBytes(1)[0]! % 50)}`;

const form = (overrides: Partial<RunForm>): RunForm => ({ ...emptyRunForm(TEST_IMAGE), name: uniqueName('run-net'), command: IDLE, labels: labelLines, ...overrides });

interface EndpointInspect {
  Aliases: string[] | null;
  IPAddress: string;
  IPAMConfig: { IPv4Address?: string } | null;
}
const endpointOf = async (id: string, network: string) =>
  (await fixtureClient().request<{ NetworkSettings: { Networks: Record<string, EndpointInspect> } }>({ method: 'GET', path: `/containers/${id}/json`, action: 'inspect' }))
    .NetworkSettings.Networks[network];

const ourContainerCount = async () => (await fixtureClient().listContainers({ label: [`${TEST_RUN_LABEL}=${TEST_RUN_ID}`] })).length;

describe('run with network aliases and a fixed IPv4 address, against the real engine', () => {
  const service = createRunService(() => fixtureClient());
  const net = uniqueName('run-net');
  const plain = uniqueName('run-net-auto');
  beforeAll(async () => {
    await ensureBusyboxImage();
    await createTestNetwork(net, { subnet: `${prefix}.0/24` });
    await createTestNetwork(plain);
  });
  afterAll(async () => {
    await removeTestObjects();
    await removeTestNetwork(net);
    await removeTestNetwork(plain);
    closeFixtureClient();
  });

  it('the container gets the aliases and the address, and another container on the network resolves the alias', async () => {
    const ip = `${prefix}.50`;
    const outcome = await service.start(form({ network: net, aliases: 'db, cache', ipv4Address: ip }));
    expect(outcome).toMatchObject({ outcome: 'started' });
    if (outcome.outcome !== 'started') return;
    const endpoint = await endpointOf(outcome.id, net);
    expect(endpoint?.Aliases).toEqual(expect.arrayContaining(['db', 'cache']));
    expect(endpoint?.IPAMConfig?.IPv4Address).toBe(ip);
    expect(endpoint?.IPAddress).toBe(ip);

    const client = await service.start(form({ network: net }));
    if (client.outcome !== 'started') throw new Error(JSON.stringify(client));
    // The engine's DNS on the network answers the alias with the fixed address.
    const { stdout } = await run('docker', ['exec', client.id, 'ping', '-c1', '-W3', 'cache']);
    expect(stdout).toContain(`(${ip})`);
  });

  it('an address outside the subnet, or already held, is refused at the field before anything is created', async () => {
    const before = await ourContainerCount();
    const outside = await service.start(form({ network: net, ipv4Address: '192.0.2.10' }));
    expect(outside).toEqual({ outcome: 'invalid', problems: { ipv4Address: `192.0.2.10 is outside the network's subnet (${prefix}.0/24).` } });
    const holder = await service.start(form({ network: net, ipv4Address: `${prefix}.60` }));
    if (holder.outcome !== 'started') throw new Error(JSON.stringify(holder));
    const taken = await service.start(form({ network: net, ipv4Address: `${prefix}.60` }));
    expect(taken).toEqual({ outcome: 'invalid', problems: { ipv4Address: `${prefix}.60 is already used by ${holder.name} on this network.` } });
    expect(await ourContainerCount()).toBe(before + 1);
  });

  it('aliases on the default bridge are refused at the field', async () => {
    const outcome = await service.start(form({ network: 'bridge', aliases: 'db' }));
    expect(outcome).toMatchObject({ outcome: 'invalid', problems: { aliases: expect.stringContaining('not on bridge') } });
  });

  it("a network whose subnet the engine chose refuses a fixed address: the field names the network and the engine's reason", async () => {
    const options = await service.options();
    const auto = options.networks.find((n) => n.name === plain);
    const subnet = auto?.subnets[0]?.subnet;
    if (!subnet) throw new Error(`no subnet listed for ${plain}`);
    const ip = subnet.replace(/\.0\/\d+$/, '.77');
    const before = await ourContainerCount();
    const outcome = await service.start(form({ network: plain, ipv4Address: ip }));
    expect(outcome).toMatchObject({ outcome: 'refused', field: 'ipv4Address' });
    expect(outcome.outcome === 'refused' && outcome.message).toMatch(new RegExp(`^Network ${plain} refused it: .*user specified IP address`));
    expect(await ourContainerCount()).toBe(before);
  });

  it('a network that is gone is refused on the Network field', async () => {
    const outcome = await service.start(form({ network: uniqueName('no-such-net'), aliases: 'db' }));
    expect(outcome).toMatchObject({ outcome: 'refused', field: 'network', message: expect.stringMatching(/^There is no network berth-test-/) });
  });
});
