// Engine fixtures for integration tests and Playwright e2e: no test-runner imports here.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createDockerClient, type DockerClient } from '../engine/connection/docker-client';
import { resolveEndpoint } from '../engine/connection/endpoint';
import type { CreateContainerSpec } from '../engine/connection/engine-types';
import { readJsonLines } from '../engine/connection/json-lines';
import { createTar } from './tar';

export const TEST_LABEL = 'berth.test';
/**
 * Which test process made an object: cleanup removes only its own, so test runs that
 * share one engine (several suites, a bench, a developer's second terminal) never
 * delete each other's containers halfway through.
 */
export const TEST_RUN_LABEL = 'berth.test.run';
export const TEST_RUN_ID = process.env.BERTH_TEST_RUN ?? `${process.pid}-${randomBytes(3).toString('hex')}`;
export const TEST_LABELS: Readonly<Record<string, string>> = { [TEST_LABEL]: '1', [TEST_RUN_LABEL]: TEST_RUN_ID };
export const TEST_IMAGE = 'berth-test/busybox:1';
export const TEST_NAME_PREFIX = 'berth-test-';

/**
 * A container main process that exits promptly on SIGTERM: as PID 1 a plain `sleep`
 * would ignore it and every stop would wait out the timeout.
 */
export const IDLE_CMD = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'];

let sharedClient: DockerClient | null = null;

/** A client for the engine the environment points at (DOCKER_HOST, context, default socket). */
export function fixtureClient(): DockerClient {
  sharedClient ??= createDockerClient(resolveEndpoint());
  return sharedClient;
}

/** Closes the fixtures' pooled connections so the test process can exit. */
export function closeFixtureClient(): void {
  sharedClient?.close();
  sharedClient = null;
}

export function uniqueName(suffix = ''): string {
  return `${TEST_NAME_PREFIX}${suffix ? `${suffix}-` : ''}${randomBytes(4).toString('hex')}`;
}

const builds = new Map<string, Promise<string>>();

/**
 * Builds a busybox image FROM scratch through the engine's build API (nothing can be
 * pulled in CI). Built once; later calls reuse it. Needs a static busybox binary
 * (Debian's busybox-static; BERTH_BUSYBOX overrides the path).
 */
export function ensureBusyboxImage(tag = TEST_IMAGE, client = fixtureClient()): Promise<string> {
  let pending = builds.get(tag);
  if (!pending) {
    pending = buildBusybox(tag, client);
    builds.set(tag, pending);
    pending.catch(() => builds.delete(tag));
  }
  return pending;
}

async function buildBusybox(tag: string, client: DockerClient): Promise<string> {
  if (await client.imageExists(tag)) return tag;
  const busybox = readFileSync(process.env.BERTH_BUSYBOX ?? '/bin/busybox');
  const dockerfile = ['FROM scratch', 'COPY busybox /bin/busybox', 'RUN ["/bin/busybox","--install","-s","/bin"]', ''].join(
    '\n',
  );
  const context = createTar([
    { name: 'Dockerfile', content: dockerfile },
    { name: 'busybox', content: busybox, mode: 0o755 },
  ]);
  const output = await readJsonLines(await client.buildImage(Readable.from([context]), { t: tag, labels: { ...TEST_LABELS } }));
  const failure = output.find((line): line is { error: string } => typeof (line as { error?: unknown }).error === 'string');
  if (failure) throw new Error(`Building ${tag} failed: ${failure.error}`);
  return tag;
}

/**
 * Builds `tag` from Dockerfile lines (default base: the busybox test image, so test images
 * share its layers) and extra context files, labelled with TEST_LABELS plus `labels`.
 * Returns the image id. The caller removes it.
 */
export async function buildTestImage(
  tag: string,
  dockerfileLines: readonly string[],
  files: Record<string, string | Buffer> = {},
  labels: Record<string, string> = {},
  client = fixtureClient(),
): Promise<string> {
  if (dockerfileLines.some((l) => l.includes(TEST_IMAGE))) await ensureBusyboxImage(TEST_IMAGE, client);
  const context = createTar([
    { name: 'Dockerfile', content: [...dockerfileLines, ''].join('\n') },
    ...Object.entries(files).map(([name, content]) => ({ name, content })),
  ]);
  const output = await readJsonLines(
    await client.buildImage(Readable.from([context]), { t: tag, labels: { ...labels, ...TEST_LABELS } }),
  );
  const failure = output.find((line): line is { error: string } => typeof (line as { error?: unknown }).error === 'string');
  if (failure) throw new Error(`Building ${tag} failed: ${failure.error}`);
  const inspect = await client.request<{ Id: string }>({ method: 'GET', path: `/images/${tag}/json`, action: 'inspect', object: tag });
  return inspect.Id;
}

/** Removes a test image by id or name (never the shared busybox image); gone already is fine. */
export async function removeTestImage(ref: string, client = fixtureClient()): Promise<void> {
  if (ref === TEST_IMAGE) return;
  await client
    .request({ method: 'DELETE', path: `/images/${encodeURIComponent(ref)}`, query: { force: true }, action: 'remove', object: `image ${ref}` })
    .catch(ignoreNotFound);
}

export interface TestContainerOptions {
  name?: string;
  cmd?: string[];
  labels?: Record<string, string>;
  /** Container ports to publish on an ephemeral host port, e.g. ["80/tcp"]. */
  ports?: string[];
  /** Named volume → mount path; the volume is created with the test label first. */
  namedVolumes?: Record<string, string>;
  /** Mount paths that get an anonymous volume each. */
  anonymousVolumes?: string[];
  healthcheck?: CreateContainerSpec['Healthcheck'];
  start?: boolean;
  image?: string;
  /** The network to join instead of the default bridge. */
  network?: string;
}

export interface TestContainer {
  id: string;
  name: string;
}

/** Creates (and by default starts) a labelled busybox container with a unique berth-test- name. */
export async function createTestContainer(
  options: TestContainerOptions = {},
  client = fixtureClient(),
): Promise<TestContainer> {
  const image = options.image ?? (await ensureBusyboxImage(TEST_IMAGE, client));
  const name = options.name ?? uniqueName();
  for (const volume of Object.keys(options.namedVolumes ?? {})) await client.createVolume(volume, { ...TEST_LABELS });
  const ports = options.ports ?? [];
  const spec: CreateContainerSpec = {
    name,
    Image: image,
    Cmd: options.cmd ?? IDLE_CMD,
    Labels: { ...options.labels, ...TEST_LABELS },
    ...(ports.length ? { ExposedPorts: Object.fromEntries(ports.map((p) => [p, {}])) } : {}),
    ...(options.anonymousVolumes?.length
      ? { Volumes: Object.fromEntries(options.anonymousVolumes.map((p) => [p, {}])) }
      : {}),
    ...(options.healthcheck ? { Healthcheck: options.healthcheck } : {}),
    HostConfig: {
      ...(ports.length ? { PortBindings: Object.fromEntries(ports.map((p) => [p, [{ HostPort: '' }]])) } : {}),
      ...(options.namedVolumes
        ? { Binds: Object.entries(options.namedVolumes).map(([volume, path]) => `${volume}:${path}`) }
        : {}),
      ...(options.network ? { NetworkMode: options.network } : {}),
    },
  };
  const { id } = await client.createContainer(spec);
  if (options.start ?? true) await client.startContainer({ id, name });
  return { id, name };
}

const ignoreNotFound = (err: unknown) => {
  // Someone else (the test itself) may have removed it meanwhile.
  if ((err as { code?: string }).code !== 'not-found') throw err;
};

/** Removes one test container (force, with its anonymous volumes); gone already is fine. */
export async function removeTestContainer(id: string, client = fixtureClient()): Promise<void> {
  await client.removeContainer({ id }, { force: true, removeAnonymousVolumes: true }).catch(ignoreNotFound);
}

/** Removes one test volume; gone already is fine. */
export async function removeTestVolume(name: string, client = fixtureClient()): Promise<void> {
  await client.removeVolume(name).catch(ignoreNotFound);
}

/**
 * Removes the containers (force, with anonymous volumes) and volumes this test process
 * made; `scope: 'all'` removes every object labelled berth.test=1. Keeps images.
 */
export async function removeTestObjects(client = fixtureClient(), scope: 'run' | 'all' = 'run'): Promise<void> {
  const filters = { label: scope === 'all' ? [`${TEST_LABEL}=1`] : [`${TEST_RUN_LABEL}=${TEST_RUN_ID}`] };
  const containers = await client.listContainers(filters);
  await Promise.all(containers.map((c) => removeTestContainer(c.Id, client)));
  const volumes = await client.listVolumes(filters);
  await Promise.all(volumes.map((v) => removeTestVolume(v.Name, client)));
  // Networks only of this run, even for 'all': another run's network may be unused for a moment.
  const ours = { label: [`${TEST_RUN_LABEL}=${TEST_RUN_ID}`] };
  // Removed one by one rather than pruned: the engine runs one prune at a time and refuses
  // a second ("a prune operation is already running") while another test prunes.
  const networks = await client.request<{ Id: string }[]>({ method: 'GET', path: '/networks', query: { filters: JSON.stringify(ours) }, action: 'list test networks' });
  await Promise.all(networks.map((n) => removeTestNetwork(n.Id, client)));
}

/** Creates a labelled bridge network (TEST_LABELS plus `labels`); returns its id. The caller removes it. */
export async function createTestNetwork(
  name: string,
  options: { subnet?: string; labels?: Record<string, string> } = {},
  client = fixtureClient(),
): Promise<string> {
  const created = await client.request<{ Id: string }>({
    method: 'POST',
    path: '/networks/create',
    body: {
      Name: name,
      CheckDuplicate: true,
      Labels: { ...options.labels, ...TEST_LABELS },
      ...(options.subnet ? { IPAM: { Config: [{ Subnet: options.subnet }] } } : {}),
    },
    action: 'create',
    object: `network ${name}`,
  });
  return created.Id;
}

/** Removes one test network; gone already is fine. */
export async function removeTestNetwork(ref: string, client = fixtureClient()): Promise<void> {
  await client.request({ method: 'DELETE', path: `/networks/${encodeURIComponent(ref)}`, action: 'remove', object: `network ${ref}` }).catch(ignoreNotFound);
}

export interface WaitForOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Names what was awaited in the timeout error. */
  description?: string;
}

/**
 * Polls until the condition returns a truthy value (returned), or fails after the deadline.
 * The default deadline is Berth's own read deadline (15 s): these waits are for conditions,
 * not timings, and a loaded machine (a bench's 1000 containers in every list) is slow.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeoutMs = 15_000, intervalMs = 25, description = 'condition' }: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
