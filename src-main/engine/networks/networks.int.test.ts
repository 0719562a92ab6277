import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-common/contract/errors';
import type { NetworkSummary } from '../../../src-common/models/networks';
import {
  closeFixtureClient,
  createTestContainer,
  createTestNetwork,
  ensureBusyboxImage,
  fixtureClient,
  removeTestContainer,
  removeTestNetwork,
  removeTestObjects,
  TEST_RUN_ID,
  TEST_RUN_LABEL,
  uniqueName,
  waitFor,
} from '../../test-support/engine-fixtures';
import { engineIsPodman } from '../connection/connection';
import { createEngine, type Engine } from '../index';
import { createNetworksService } from './networks-service';
import { createNetworksWatcher, type NetworksWatcher } from './networks-watcher';
import type { RawContainerInspect } from '../connection/engine-types';

// Subnets from a block nothing else on this machine uses, different per run so runs that
// overlap in time do not refuse each other's networks.
const block = 16 + (randomBytes(1)[0]! % 200);
const subnet = (n: number) => `10.${block}.${n}.0/24`;
const ours = `${TEST_RUN_LABEL}=${TEST_RUN_ID}`;

let engine: Engine;
let watcher: NetworksWatcher;
const service = () =>
  createNetworksService({
    requireClient: () => fixtureClient(),
    liveNetworks: () => watcher.current(),
    containerName: (id) => engine.watcher.current()?.find((c) => c.id === id)?.name,
    changed: watcher,
  });
const live = (name: string) => watcher.current()?.find((n) => n.name === name);
const form = (name: string, patch: Partial<Parameters<ReturnType<typeof service>['create']>[0]> = {}) => ({
  name,
  subnet: '',
  gateway: '',
  ipRange: '',
  internal: false,
  attachable: false,
  labels: `${TEST_RUN_LABEL}=${TEST_RUN_ID}\nberth.test=1`,
  ...patch,
});
const containerNetworks = async (id: string) =>
  (await fixtureClient().request<RawContainerInspect>({ method: 'GET', path: `/containers/${id}/json`, action: 'inspect' })).NetworkSettings?.Networks ?? {};

beforeAll(async () => {
  await ensureBusyboxImage();
  engine = createEngine();
  engine.start();
  watcher = createNetworksWatcher({
    events: engine.events,
    eventsKnownIncomplete: () => engineIsPodman(engine.connection.current()),
    getClient: () => {
      try {
        return engine.requireClient();
      } catch {
        return null;
      }
    },
  });
  await waitFor(() => watcher.current() && engine.watcher.current(), { timeoutMs: 20_000, description: 'the first network and container lists' });
});

afterAll(async () => {
  watcher.dispose();
  await engine.dispose();
  await removeTestObjects();
  closeFixtureClient();
});

describe('networks against the engine', () => {
  it('creates a bridge network with subnet, gateway, range and labels, and the live list shows it', async () => {
    const name = uniqueName('net');
    const outcome = await service().create(
      form(name, { subnet: subnet(1), gateway: `10.${block}.1.254`, ipRange: `10.${block}.1.128/25`, internal: true, attachable: true }),
    );
    expect(outcome).toMatchObject({ outcome: 'created', name });
    const net = await waitFor(() => live(name), { description: `${name} in the live list` });
    expect(net).toMatchObject({
      driver: 'bridge',
      scope: 'local',
      internal: true,
      attachable: true,
      predefined: false,
      subnets: [{ subnet: subnet(1), gateway: `10.${block}.1.254`, ipRange: `10.${block}.1.128/25` }],
      labels: { [TEST_RUN_LABEL]: TEST_RUN_ID, 'berth.test': '1' },
      endpoints: [],
    });
    await service().remove(name);
    await waitFor(() => !live(name), { description: `${name} gone from the live list` });
  });

  it('refuses bad input before the engine: invalid CIDR, overlapping subnet; maps the engine\'s overlap to the field', async () => {
    const taken = uniqueName('net');
    await createTestNetwork(taken, { subnet: subnet(2) });
    await waitFor(() => live(taken));

    const bad = await service().create(form(uniqueName('net'), { subnet: `10.${block}.300.0/24` }));
    expect(bad).toEqual({ outcome: 'invalid', problems: { subnet: expect.stringMatching(/is not a subnet/) } });
    const overlap = await service().create(form(uniqueName('net'), { subnet: `10.${block}.2.128/25` }));
    expect(overlap).toEqual({
      outcome: 'invalid',
      problems: { subnet: `10.${block}.2.128/25 overlaps ${subnet(2)}, the subnet of network ${taken}. Choose a range no other network uses.` },
    });

    // A Berth that does not know the other network yet: the engine refuses, on the same field.
    const blind = createNetworksService({ requireClient: () => fixtureClient(), liveNetworks: () => [], containerName: () => undefined });
    const refused = await blind.create(form(uniqueName('net'), { subnet: `10.${block}.2.0/25` }));
    expect(refused).toEqual({ outcome: 'refused', field: 'subnet', message: expect.stringMatching(/overlaps the subnet of another network/) });
    const dup = await blind.create(form(taken));
    expect(dup).toEqual({ outcome: 'refused', field: 'name', message: `A network named "${taken}" already exists.` });
    await removeTestNetwork(taken);
  });

  it('shows running containers attached with their IPs, live as they start, connect and stop', async () => {
    const name = uniqueName('net');
    const id = await createTestNetwork(name, { subnet: subnet(3) });
    const web = await createTestContainer({ network: name });
    const net = await waitFor(() => (live(name)?.endpoints.length === 1 ? live(name) : undefined), { description: 'the container on the network' });
    expect(net.id).toBe(id);
    expect(net.endpoints[0]).toMatchObject({ containerId: web.id, name: web.name, ipv4Address: expect.stringMatching(new RegExp(`^10\\.${block}\\.3\\.\\d+/24$`)) });

    // Connect a second one with aliases and a fixed IP, from Berth.
    const db = await createTestContainer();
    const connected = await service().connect({ network: name, container: db.name, aliases: 'db, store', ipAddress: `10.${block}.3.77` });
    expect(connected).toEqual({ outcome: 'connected' });
    const withDb = await waitFor(() => live(name)?.endpoints.find((e) => e.containerId === db.id), { description: 'db on the network' });
    expect(withDb.ipv4Address).toBe(`10.${block}.3.77/24`);
    expect((await containerNetworks(db.id))[name]?.Aliases).toEqual(expect.arrayContaining(['db', 'store']));

    // Stopping a container takes its endpoint away (the engine sends disconnect).
    await fixtureClient().stopContainer({ id: web.id }, 1);
    await waitFor(() => live(name)?.endpoints.every((e) => e.containerId !== web.id), { description: 'web stopped, gone from the endpoints' });

    await service().disconnect(name, db.id, false);
    await waitFor(() => live(name)?.endpoints.length === 0, { description: 'db disconnected' });
    expect(Object.keys(await containerNetworks(db.id))).not.toContain(name);
    await removeTestContainer(web.id);
    await removeTestContainer(db.id);
    await removeTestNetwork(id);
    await waitFor(() => !live(name), { description: 'the network gone' });
  });

  it('checks a fixed IP before the engine and maps the engine\'s refusals to the fields', async () => {
    const name = uniqueName('net');
    await createTestNetwork(name, { subnet: subnet(4) });
    const auto = uniqueName('net');
    await createTestNetwork(auto); // the engine picks its subnet: no fixed IPs there
    const c = await createTestContainer({ network: name });
    await waitFor(() => live(name)?.endpoints.length === 1 && live(auto));
    const s = service();

    expect(await s.connect({ network: name, container: c.name, aliases: '', ipAddress: `10.${block}.99.5` })).toEqual({
      outcome: 'invalid',
      problems: { ipAddress: `10.${block}.99.5 is outside the network's subnet (${subnet(4)}).` },
    });
    expect(await s.connect({ network: 'bridge', container: c.name, aliases: '', ipAddress: '172.17.0.200' })).toMatchObject({
      outcome: 'invalid',
      problems: { ipAddress: expect.stringMatching(/assigns addresses on bridge itself/) },
    });
    expect(await s.connect({ network: auto, container: c.name, aliases: '', ipAddress: '' })).toEqual({ outcome: 'connected' });
    await s.disconnect(auto, c.id, false);
    const autoSubnet = live(auto)!.subnets[0]!.subnet.replace(/0\/\d+$/, '9');
    expect(await s.connect({ network: auto, container: c.name, aliases: '', ipAddress: autoSubnet })).toEqual({
      outcome: 'refused',
      field: 'ipAddress',
      message: expect.stringMatching(/fixed IP works only on networks created with a subnet/),
    });
    expect(await s.connect({ network: name, container: c.name, aliases: '', ipAddress: '' })).toEqual({
      outcome: 'refused',
      field: 'container',
      message: `${c.name} is already connected to ${name}.`,
    });
    expect(await s.connect({ network: name, container: uniqueName('nobody'), aliases: '', ipAddress: '' })).toMatchObject({
      outcome: 'refused',
      field: 'container',
    });
    await removeTestContainer(c.id);
    await removeTestNetwork(name);
    await removeTestNetwork(auto);
  });

  it('refuses to remove a network in use, naming the containers, and the predefined ones; warns of stopped users', async () => {
    const name = uniqueName('net');
    await createTestNetwork(name, { subnet: subnet(5) });
    const c = await createTestContainer({ network: name });
    await waitFor(() => live(name)?.endpoints.length === 1 && engine.watcher.current()?.some((x) => x.id === c.id));

    const check = await service().removeCheck(name);
    expect(check).toMatchObject({ name, attached: [{ id: c.id, name: c.name, running: true }], stoppedUsers: [] });
    expect(check.refusal).toBe(`Cannot remove network ${name}: ${c.name} is connected to it. Disconnect or stop it first.`);
    const err = await service().remove(name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'conflict', message: check.refusal, object: `network ${name}` });

    for (const builtIn of ['bridge', 'host', 'none']) {
      expect((await service().removeCheck(builtIn)).refusal).toBe(`${builtIn} is built into the engine and cannot be removed.`);
      await expect(service().remove(builtIn)).rejects.toMatchObject({ code: 'conflict' });
    }

    await fixtureClient().stopContainer({ id: c.id }, 1);
    await waitFor(() => live(name)?.endpoints.length === 0);
    const stopped = await service().removeCheck(name);
    expect(stopped).toMatchObject({ refusal: null, attached: [], stoppedUsers: [{ id: c.id, name: c.name, running: false }] });
    await service().remove(name);
    await waitFor(() => !live(name));
    await removeTestContainer(c.id);
  });

  it('previews exactly what prune removes (label-filtered to this run)', async () => {
    const tag = `berth.test.prune=${randomBytes(4).toString('hex')}`;
    const [key, value] = tag.split('=') as [string, string];
    const unused = [uniqueName('a'), uniqueName('b')];
    for (const n of unused) await createTestNetwork(n, { labels: { [key]: value } });
    const busy = uniqueName('busy');
    await createTestNetwork(busy, { labels: { [key]: value } });
    const stoppedOn = uniqueName('stopped');
    await createTestNetwork(stoppedOn, { labels: { [key]: value } });
    const runner = await createTestContainer({ network: busy });
    const sleeper = await createTestContainer({ network: stoppedOn, start: false });
    const other = uniqueName('other');
    await createTestNetwork(other); // unused but without the label: must stay

    const preview = await service().prunePreview([tag, ours]);
    const expected = [...unused, stoppedOn].sort();
    expect(preview.networks.map((n) => n.name)).toEqual(expected);
    expect(preview.networks.find((n) => n.name === stoppedOn)?.stoppedUsers).toEqual([sleeper.name]);

    const result = await service().prune([tag, ours]);
    expect(result.removed).toEqual(expected);
    const remaining = await fixtureClient().request<{ Name: string }[]>({
      method: 'GET',
      path: '/networks',
      query: { filters: JSON.stringify({ label: [ours] }) },
      action: 'list networks',
    });
    expect(remaining.map((n) => n.Name)).toEqual(expect.arrayContaining([busy, other]));
    expect(remaining.map((n) => n.Name)).not.toEqual(expect.arrayContaining([unused[0]]));

    await removeTestContainer(runner.id);
    await removeTestContainer(sleeper.id);
    await removeTestNetwork(busy);
    await removeTestNetwork(other);
  });

  it('lists networks without a watcher too (inspect per network, with endpoints)', async () => {
    const name = uniqueName('net');
    await createTestNetwork(name, { subnet: subnet(6) });
    const c = await createTestContainer({ network: name });
    const cold = createNetworksService({ requireClient: () => fixtureClient(), liveNetworks: () => null, containerName: () => undefined });
    const listed: NetworkSummary[] = await cold.list();
    expect(listed.find((n) => n.name === 'bridge')).toMatchObject({ predefined: true, driver: 'bridge' });
    expect(listed.find((n) => n.name === name)?.endpoints.map((e) => e.containerId)).toEqual([c.id]);
    await removeTestContainer(c.id);
    await removeTestNetwork(name);
  });
});
