import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { test, expect } from './support/fixtures';
import { docker } from './support/docker-cli';
import { RunDialogPage } from './pages/run-dialog';
import { BuildPage } from './pages/build-page';
import {
  createTestContainer,
  createTestNetwork,
  fixtureClient,
  removeTestNetwork,
  TEST_IMAGE,
  TEST_LABELS,
  TEST_RUN_ID,
  TEST_RUN_LABEL,
  uniqueName,
} from '../src-main/test-support/engine-fixtures';
import { buildLayeredTestImage, removeTestImage, startLocalRegistry } from '../src-main/test-support/local-registry';
import type { Page } from '@playwright/test';

const IDLE = `sh -c 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'`;
const labelLines = Object.entries(TEST_LABELS)
  .map(([k, v]) => `${k}=${v}`)
  .join('\n');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Containers this test process made, by the docker CLI (the witness). */
async function ourContainers(): Promise<string[]> {
  const out = await docker('ps', '-aq', '--filter', `label=${TEST_RUN_LABEL}=${TEST_RUN_ID}`);
  return out === '' ? [] : out.split('\n').sort();
}

interface CliInspect {
  Id: string;
  State: { Running: boolean };
  Config: { Env: string[] };
  HostConfig: { Memory: number; PortBindings: Record<string, { HostIp: string; HostPort: string }[]> };
  Mounts: { Type: string; Name?: string; Destination: string; RW: boolean }[];
}

async function cliInspect(name: string): Promise<CliInspect> {
  return (JSON.parse(await docker('inspect', name)) as CliInspect[])[0]!;
}

/** Records the app's run.start calls on its WebSocket; reloads so the socket is watched from its start. */
async function watchRunCalls(page: Page): Promise<string[]> {
  const calls: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (frame) => {
      const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
      if (text.includes('"run.start"')) calls.push(text);
    }),
  );
  await page.reload();
  return calls;
}

test.describe('run dialog', () => {
  test('creates a container whose port, env, volume and memory limit docker inspect confirms', async ({ containersPage, page }) => {
    const run = new RunDialogPage(page);
    const volume = uniqueName('vol');
    await fixtureClient().createVolume(volume, { ...TEST_LABELS });
    const port = await freePort();
    const name = uniqueName('ui-run');

    await run.openFromContainersPage();
    await run.fill({
      Image: TEST_IMAGE,
      Name: name,
      Command: IDLE,
      Ports: `127.0.0.1:${port}:80`,
      Environment: 'GREETING=hello from berth\nMODE=e2e',
      Volumes: `${volume}:/data`,
      Memory: '64m',
      Labels: labelLines,
    });
    await run.runButton.click();

    // After create and start, the new container's details open.
    await expect(run.dialog).toBeHidden({ timeout: 20_000 });
    await expect(page).toHaveURL(/#\/containers\/[0-9a-f]{64}$/);
    const c = await cliInspect(name);
    expect(page.url()).toContain(c.Id);
    expect(c.State.Running).toBe(true);
    expect(c.HostConfig.PortBindings['80/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(port) }]);
    expect(c.Config.Env).toEqual(expect.arrayContaining(['GREETING=hello from berth', 'MODE=e2e']));
    expect(c.Mounts).toEqual(expect.arrayContaining([expect.objectContaining({ Type: 'volume', Name: volume, Destination: '/data', RW: true })]));
    expect(c.HostConfig.Memory).toBe(64 * 1024 * 1024);
    await expect(page.getByRole('heading', { name })).toBeVisible();
    void containersPage;
  });

  test('invalid names, ports, memory and image references are refused inline, without an engine call', async ({
    containersPage,
    page,
  }) => {
    const runCalls = await watchRunCalls(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    const before = await ourContainers();

    const run = new RunDialogPage(page);
    await run.openFromContainersPage();
    await run.fill({ Image: 'Not/Valid:tag', Name: '-bad name', Ports: '70000:80', Memory: '12x', Labels: labelLines });
    await run.runButton.click();

    await run.expectProblem('Image', /must be lowercase/);
    await run.expectProblem('Name', /not a valid container name/);
    await run.expectProblem('Ports', /ports are numbers from 1 to 65535/);
    await run.expectProblem('Memory', /not a memory size/);
    // Focus goes to the first field that needs attention.
    await expect(run.field('Image')).toBeFocused();

    // Fixing one field clears its message; a too-small memory limit is its own message.
    await run.fill({ Image: TEST_IMAGE, Memory: '1m' });
    await expect(run.field('Image')).toHaveAttribute('aria-invalid', 'false');
    await run.expectProblem('Memory', /at least 6m/);
    await run.runButton.click();
    await expect(run.dialog).toBeVisible();

    expect(runCalls).toEqual([]);
    expect(await ourContainers()).toEqual(before);
  });

  test('a command too big for the wire is refused at the Command field, in words, and the engine is never called', async ({ containersPage, page }) => {
    const runCalls = await watchRunCalls(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    const before = await ourContainers();
    const run = new RunDialogPage(page);
    await run.openFromContainersPage();
    await run.fill({ Image: TEST_IMAGE, Command: `echo ${'x'.repeat(100 * 1024)}`, Labels: labelLines });
    await run.runButton.click();
    await run.expectProblem('Command', /^The command is too long: 102,405 characters, at most 16,384\./);
    await expect(run.field('Command')).toBeFocused();
    await expect(run.dialog).toBeVisible();
    expect(runCalls).toEqual([]);
    expect(await ourContainers()).toEqual(before);
  });

  test('network aliases and a fixed IPv4 address: refused at their fields before the engine, then inspect shows them', async ({ containersPage, page }) => {
    const prefix = `10.${16 + (randomBytes(1)[0]! % 200)}.${150 + (randomBytes(1)[0]! % 40)}`;
    const net = uniqueName('run-net');
    const netId = await createTestNetwork(net, { subnet: `${prefix}.0/24` });
    try {
      const runCalls = await watchRunCalls(page);
      await expect(containersPage.engineStatus).toContainText('Connected');
      const run = new RunDialogPage(page);
      await run.openFromContainersPage();
      const name = uniqueName('ui-run-net');
      await run.fill({ Image: TEST_IMAGE, Name: name, Command: IDLE, Labels: labelLines, 'Network aliases': 'db, -cache', 'IPv4 address': `${prefix}.40` });
      await run.runButton.click();
      // On the default network neither works; a bad alias is named.
      await run.expectProblem('Network aliases', /"-cache" is not a valid alias: use a DNS name/);
      await run.fill({ 'Network aliases': 'db, cache' });
      await run.expectProblem('Network aliases', /^Aliases work only on a network you created: choose one under Network\./);
      await run.expectProblem('IPv4 address', /^A fixed IP needs a network you created with a subnet: choose one under Network\./);
      // On the network: the address must be inside its subnet.
      await run.field('Network').selectOption(net);
      await run.fill({ 'IPv4 address': '192.0.2.10' });
      await run.expectProblem('IPv4 address', new RegExp(`^192\\.0\\.2\\.10 is outside the network's subnet \\(${prefix.replace(/\./g, '\\.')}\\.0/24\\)\\.`));
      await expect(run.field('Network aliases')).toHaveAttribute('aria-invalid', 'false');
      await run.runButton.click();
      expect(runCalls).toEqual([]);

      await run.fill({ 'IPv4 address': `${prefix}.40` });
      await run.runButton.click();
      await expect(run.dialog).toBeHidden({ timeout: 20_000 });
      const endpoint = (JSON.parse(await docker('inspect', name)) as { NetworkSettings: { Networks: Record<string, { Aliases: string[]; IPAddress: string }> } }[])[0]!
        .NetworkSettings.Networks[net];
      expect(endpoint?.Aliases).toEqual(expect.arrayContaining(['db', 'cache']));
      expect(endpoint?.IPAddress).toBe(`${prefix}.40`);
      await docker('rm', '-f', name);
    } finally {
      await removeTestNetwork(netId);
    }
  });

  test('"port is already allocated" lands on the Ports field, and nothing is left behind', async ({ containersPage, page }) => {
    const holder = await createTestContainer({ ports: ['80/tcp'] });
    const hostPort = (await docker('port', holder.name, '80/tcp')).split('\n')[0]!.split(':').pop()!;
    const before = await ourContainers();

    const run = new RunDialogPage(page);
    await run.openFromContainersPage();
    await run.fill({ Image: TEST_IMAGE, Name: uniqueName('clash'), Command: IDLE, Ports: `${hostPort}:80`, Labels: labelLines });
    await run.runButton.click();

    await run.expectProblem('Ports', new RegExp(`${hostPort} is already in use`));
    await expect(run.dialog).toBeVisible();
    expect(await ourContainers()).toEqual(before);
    void containersPage;
  });

  test('an image row opens the dialog with its image filled in', async ({ containersPage, page }) => {
    await page.goto(new URL('#/images', page.url()).toString());
    await page.getByRole('searchbox', { name: 'Filter images' }).fill(TEST_IMAGE);
    await page.getByRole('button', { name: `Run ${TEST_IMAGE}`, exact: true }).first().click();
    const run = new RunDialogPage(page);
    await expect(run.dialog).toBeVisible();
    await expect(run.field('Image')).toHaveValue(TEST_IMAGE);
    await run.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(run.dialog).toBeHidden();
    void containersPage;
  });
});

test.describe('run dialog with a missing image', () => {
  test('offers a pull, shows its progress, then runs the container', async ({ containersPage, page }) => {
    test.setTimeout(120_000);
    const registry = await startLocalRegistry();
    const ref = `${registry.host}/berth-test/runpull:${randomBytes(3).toString('hex')}`;
    const name = uniqueName('pulled');
    try {
      // An image that exists only in the registry: built, pushed, removed here.
      await buildLayeredTestImage(ref, 8_000_000);
      await docker('push', ref);
      await removeTestImage(ref);

      const run = new RunDialogPage(page);
      await run.openFromContainersPage();
      await run.fill({ Image: ref, Name: name, Command: IDLE, Labels: labelLines });
      await run.runButton.click();

      await expect(run.dialog.getByText(`The image ${ref} is not on this engine.`)).toBeVisible();
      await run.dialog.getByRole('button', { name: 'Pull and run', exact: true }).click();
      // The registries feature's progress, inside the dialog, while the pull runs.
      await expect(run.dialog.getByRole('status').filter({ hasText: `Pulling ${ref}` })).toBeVisible();
      await expect(run.dialog.getByRole('progressbar', { name: 'Overall progress' })).toBeVisible();

      await expect(run.dialog).toBeHidden({ timeout: 60_000 });
      await expect(page).toHaveURL(/#\/containers\/[0-9a-f]{64}$/);
      const c = await cliInspect(name);
      expect(c.State.Running).toBe(true);
      expect(await docker('image', 'inspect', '--format', '{{.Id}}', ref)).toMatch(/^sha256:/);
    } finally {
      await docker('rm', '-f', name).catch(() => '');
      await removeTestImage(ref);
      await registry.stop();
    }
    void containersPage;
  });
});

test.describe('build page', () => {
  const dirs: string[] = [];
  const tags: string[] = [];
  test.afterAll(async () => {
    for (const t of tags) await docker('rmi', '-f', t).catch(() => '');
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  test('builds from a path with the steps shown live, and the image appears in the list', async ({ containersPage, page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-e2e-build-'));
    dirs.push(dir);
    const marker = randomBytes(3).toString('hex');
    await writeFile(
      join(dir, 'Dockerfile'),
      [`FROM ${TEST_IMAGE}`, `RUN echo first-${marker}`, `RUN echo waiting-${marker} && sleep 3`, 'COPY hello.txt /hello.txt', ''].join('\n'),
    );
    await writeFile(join(dir, 'hello.txt'), 'hello');
    const tag = `berth-test/built:e2e-${marker}`;
    tags.push(tag);

    const build = new BuildPage(page);
    await build.openFromImagesPage();
    await build.field('Folder').fill(dir);
    await build.field('Tag').fill(tag);
    await build.field('Labels').fill(labelLines);
    await build.buildButton.click();

    // Live: the RUN step is shown while the build is still going (Cancel is offered).
    await expect(build.currentStep).toContainText(`RUN echo waiting-${marker} && sleep 3`, { timeout: 30_000 });
    await expect(build.currentStep).toContainText(/Step 3\/\d+/);
    await expect(build.cancelButton).toBeVisible();
    await expect(build.output).toContainText(`waiting-${marker}`);

    await expect(page.getByRole('status').filter({ hasText: `Built ${tag}` })).toBeVisible({ timeout: 30_000 });
    const id = await docker('image', 'inspect', '--format', '{{.Id}}', tag);
    expect(id).toMatch(/^sha256:/);
    // The result links to the image and offers Run; a notice says it too, with Run, wherever the user went.
    await expect(page.getByRole('link', { name: `Open ${tag}`, exact: true })).toHaveAttribute('href', `#/images/${encodeURIComponent(id)}`);
    const notice = page.getByRole('status').filter({ hasText: `Built image ${tag}` });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Run', exact: true }).click();
    const run = new RunDialogPage(page);
    await expect(run.dialog).toBeVisible();
    await expect(run.field('Image')).toHaveValue(tag);
    await page.keyboard.press('Escape');

    await page.goto(new URL('#/images', page.url()).toString());
    await page.getByRole('searchbox', { name: 'Filter images' }).fill(`e2e-${marker}`);
    await expect(page.getByRole('button', { name: `Run ${tag}`, exact: true })).toBeVisible();
    void containersPage;
  });

  test('a failing RUN shows the failing step and the engine error', async ({ containersPage, page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-e2e-fail-'));
    dirs.push(dir);
    await writeFile(join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo about-to-fail && exit 7\n`);
    const tag = `berth-test/built:fail-${randomBytes(3).toString('hex')}`;
    tags.push(tag);
    const build = new BuildPage(page);
    await build.open();
    await build.field('Folder').fill(dir);
    await build.field('Tag').fill(tag);
    await build.buildButton.click();
    const alert = page.getByRole('alert').filter({ hasText: 'Failed at' });
    await expect(alert).toContainText(/Failed at Step 2\/\d+: RUN echo about-to-fail && exit 7/, { timeout: 30_000 });
    await expect(alert).toContainText('returned a non-zero code: 7');
    await expect(build.output).toContainText('about-to-fail');
    expect(await docker('images', '-q', tag)).toBe('');
    void containersPage;
  });

  test('Cancel build stops it: no image is made', async ({ containersPage, page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-e2e-cancel-'));
    dirs.push(dir);
    const marker = randomBytes(3).toString('hex');
    await writeFile(join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo slow-${marker} && sleep 60\n`);
    const tag = `berth-test/built:cancel-${marker}`;
    tags.push(tag);
    const build = new BuildPage(page);
    await build.open();
    await build.field('Folder').fill(dir);
    await build.field('Tag').fill(tag);
    await build.buildButton.click();
    await expect(build.output).toContainText(`slow-${marker}`, { timeout: 30_000 });
    await build.cancelButton.click();
    await expect(page.getByText('The build was cancelled.')).toBeVisible();
    await expect(build.buildButton).toBeEnabled();
    // The engine stops the step: its container goes away and no image is tagged.
    await expect
      .poll(async () => docker('ps', '-aq', '--filter', `ancestor=${TEST_IMAGE}`, '--filter', 'status=running').then(async (ids) => {
        if (ids === '') return 0;
        const cmds = await docker('inspect', '--format', '{{json .Config.Cmd}}', ...ids.split('\n'));
        return cmds.split('\n').filter((c) => c.includes(`slow-${marker}`)).length;
      }), { timeout: 20_000 })
      .toBe(0);
    expect(await docker('images', '-q', tag)).toBe('');
    void containersPage;
  });

  test('after a folder error, fixing the path and clicking Build once builds, and the old log is gone', async ({ containersPage, page }) => {
    const marker = randomBytes(3).toString('hex');
    const dirFor = async (word: string) => {
      const dir = await mkdtemp(join(tmpdir(), `berth-e2e-${word}-`));
      dirs.push(dir);
      await writeFile(join(dir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo ${word}-${marker}\n`);
      return dir;
    };
    const first = await dirFor('first');
    const second = await dirFor('second');
    const tag = `berth-test/built:again-${marker}`;
    tags.push(tag);
    const build = new BuildPage(page);
    await build.open();
    await build.field('Folder').fill(first);
    await build.field('Tag').fill(tag);
    await build.field('Labels').fill(labelLines);
    await build.buildButton.click();
    await expect(page.getByRole('status').filter({ hasText: `Built ${tag}` })).toBeVisible({ timeout: 30_000 });
    await expect(build.output).toContainText(`first-${marker}`);

    await build.field('Folder').fill(`${second}-missing`);
    await build.buildButton.click();
    await expect(build.field('Folder')).toHaveAccessibleDescription(/There is no folder at/);
    // The previous build's log and result do not stay on screen as if they answered this click.
    await expect(build.output).toHaveCount(0);

    // One click, straight from the field: the blur's folder check must not swallow it.
    await build.field('Folder').fill(second);
    await build.buildButton.click();
    await expect(build.output).toContainText(`second-${marker}`, { timeout: 30_000 });
    await expect(build.output).not.toContainText(`first-${marker}`);
    void containersPage;
  });

  test('a path without a Dockerfile is refused before any build', async ({ containersPage, page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-e2e-empty-'));
    dirs.push(dir);
    const build = new BuildPage(page);
    await build.open();
    await build.field('Folder').fill(dir);
    await build.field('Tag').fill('berth-test/built:never');
    await build.buildButton.click();
    const dockerfile = build.field('Dockerfile');
    await expect(dockerfile).toHaveAttribute('aria-invalid', 'true');
    await expect(dockerfile).toHaveAccessibleDescription(/There is no Dockerfile in/);
    await expect(build.currentStep).toHaveCount(0);
    void containersPage;
  });
});
