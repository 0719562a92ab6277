import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { test, expect } from './support/fixtures';
import { createTestContainer, TEST_LABELS, TEST_RUN_ID, TEST_RUN_LABEL, uniqueName, waitFor } from '../src-main/test-support/engine-fixtures';
import { dfMismatches, dockerSystemDf, type DfCategory, type DfRow } from '../src-main/test-support/docker-df';
import { docker } from './support/docker-cli';
import { StoragePages } from './pages/storage-pages';

const RUN_LABEL = `${TEST_RUN_LABEL}=${TEST_RUN_ID}`;
const labelArgs = Object.entries(TEST_LABELS).flatMap(([k, v]) => ['--label', `${k}=${v}`]);

async function createVolume(name = ''): Promise<string> {
  return docker('volume', 'create', ...labelArgs, ...(name ? [name] : []));
}

const helpersOf = async (volume: string) => docker('ps', '-aq', '--filter', `label=berth.helper.volume=${volume}`);

async function tarOf(entries: { name: string; body: string }[]): Promise<Buffer> {
  const p = pack();
  for (const e of entries) p.entry({ name: e.name }, e.body);
  p.finalize();
  const parts: Buffer[] = [];
  for await (const c of p as unknown as AsyncIterable<Buffer>) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

test.describe('volumes', () => {
  test('a volume made outside the app appears; "Remove volume X" is refused while a container uses it', async ({ containersPage, page }) => {
    const ui = new StoragePages(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.openVolumes();
    const name = uniqueName('e2e-vol');
    await ui.filter.fill(name);
    await createVolume(name);
    await expect(ui.volumeLink(name)).toBeVisible({ timeout: 2_000 });
    await expect(ui.volumeRow(name)).toContainText('unused');

    const user = await docker('create', ...labelArgs, '--name', uniqueName('user'), '-v', `${name}:/data`, 'berth-test/busybox:1', 'true');
    await expect(ui.volumeRow(name)).toContainText('berth-test-user', { timeout: 2_000 });

    await ui.button(`Remove volume ${name}`).click();
    await expect(ui.dialog.getByRole('heading', { name: `Remove volume ${name}` })).toBeVisible();
    await expect(ui.dialog.getByRole('alert')).toContainText('a container uses it');
    await expect(ui.dialog.getByRole('alert')).toContainText('berth-test-user');
    await expect(ui.dialog.getByRole('button', { name: 'Remove volume' })).toBeDisabled();
    // The dialog follows the live list: once the container is gone, removing is allowed.
    await docker('rm', user);
    await expect(ui.dialog.getByRole('button', { name: 'Remove volume' })).toBeEnabled();
    await ui.dialog.getByRole('button', { name: 'Remove volume' }).click();
    await expect(ui.volumeLink(name)).toBeHidden();
    await expect(docker('volume', 'inspect', name)).rejects.toThrow(/no such volume/i);
  });

  test('the create dialog refuses a name with a slash at the field, then creates the volume', async ({ containersPage, page }) => {
    const ui = new StoragePages(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.openVolumes();
    // The header's button (an empty list offers one too).
    await ui.button('Create volume').first().click();
    const name = ui.dialog.getByRole('textbox', { name: 'Name' });
    await name.fill('data/evil');
    await ui.dialog.getByRole('button', { name: 'Create' }).click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/is not a valid volume name/);
    await expect(name).toBeFocused();
    const good = uniqueName('made');
    await name.fill(good);
    await ui.dialog.getByRole('textbox', { name: 'Labels' }).fill(Object.entries(TEST_LABELS).map(([k, v]) => `${k}=${v}`).join('\n'));
    await ui.dialog.getByRole('button', { name: 'Create' }).click();
    await expect(ui.dialog).toBeHidden();
    await ui.showVolume(good);
    expect(await docker('volume', 'inspect', '--format', '{{index .Labels "berth.test.run"}}', good)).toBe(TEST_RUN_ID);
  });

  test('"Browse X": upload a file, view it, download it byte for byte; the helper goes when the view does', async ({ containersPage, page }) => {
    const ui = new StoragePages(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    const name = await createVolume(uniqueName('browse'));
    await ui.openVolumes();
    await ui.showVolume(name);
    await ui.link(`Browse ${name}`).click();
    await expect(ui.page.getByText('This folder is empty.')).toBeVisible();
    expect(await helpersOf(name)).not.toBe('');

    const text = `hello from e2e ${randomBytes(4).toString('hex')}\n`;
    const blob = randomBytes(300_000);
    await ui.chooseFiles('Upload files', [
      { name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
      { name: 'blob.bin', mimeType: 'application/octet-stream', buffer: blob },
    ]);
    const table = ui.files('/');
    await expect(table.getByRole('button', { name: 'View hello.txt' }).first()).toBeVisible();
    await table.getByRole('button', { name: 'View hello.txt' }).first().click();
    await expect(ui.dialog.getByRole('region', { name: 'Content of hello.txt' }).or(ui.dialog.getByLabel('Content of hello.txt'))).toHaveText(text);
    await ui.dialog.getByRole('button', { name: 'Close' }).click();

    const download = page.waitForEvent('download');
    await table.getByRole('button', { name: 'Download blob.bin' }).click();
    const file = await (await download).path();
    expect(Buffer.compare(await readFile(file), blob)).toBe(0);

    await ui.openVolumes();
    await waitFor(async () => (await helpersOf(name)) === '', { timeoutMs: 10_000, description: 'helper removed' });
  });

  test('the prune preview is exactly what is removed: anonymous ones only, named ones when chosen', async ({ containersPage, page }) => {
    const ui = new StoragePages(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    const named = await createVolume(uniqueName('named'));
    const anon = await createVolume();
    const used = await createVolume();
    await docker('create', ...labelArgs, '--name', uniqueName('user'), '-v', `${used}:/data`, 'berth-test/busybox:1', 'true');
    await ui.openVolumes();
    await ui.button('Prune…').click();
    await ui.dialog.getByRole('textbox', { name: 'Only with label' }).fill(RUN_LABEL);
    await ui.dialog.getByRole('textbox', { name: 'Only with label' }).press('Enter');
    const list = ui.dialog.getByRole('list', { name: 'Volumes that will be removed' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText(anon);
    await expect(ui.dialog).toContainText('1 unused named volume stays');
    await ui.dialog.getByRole('button', { name: 'Remove 1 volume' }).click();
    await expect(ui.dialog.getByRole('status').first()).toContainText('Removed 1 volume', { timeout: 15_000 });
    const left = (await docker('volume', 'ls', '-q', '--filter', `label=${RUN_LABEL}`)).split('\n');
    expect(left).toEqual(expect.arrayContaining([named, used]));
    expect(left).not.toContain(anon);

    await ui.dialog.getByRole('button', { name: 'Close' }).click();
    await ui.button('Prune…').click();
    await ui.dialog.getByRole('radio', { name: 'Named volumes too' }).check();
    await ui.dialog.getByRole('textbox', { name: 'Only with label' }).fill(RUN_LABEL);
    await ui.dialog.getByRole('textbox', { name: 'Only with label' }).press('Enter');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText(named);
    await ui.dialog.getByRole('button', { name: 'Remove 1 volume' }).click();
    await expect(ui.dialog.getByRole('status').first()).toContainText('Removed 1 volume', { timeout: 15_000 });
    expect((await docker('volume', 'ls', '-q', '--filter', `label=${RUN_LABEL}`)).split('\n')).toEqual([used]);
  });
});

test.describe('container files', () => {
  test('the Files tab uploads into a folder and refuses a tar with an entry outside it', async ({ containersPage, page }) => {
    const ui = new StoragePages(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    const c = await createTestContainer({ name: uniqueName('files') });
    await page.goto(`${new URL(page.url()).origin}/#/containers/${c.id}/files`);
    await expect(ui.files('/').getByRole('button', { name: 'Open bin' })).toBeVisible();
    // A folder picked in the page lands as itself, its files at their paths inside it.
    const local = await mkdtemp(join(tmpdir(), 'berth-e2e-upload-'));
    await mkdir(join(local, 'notes', 'sub'), { recursive: true });
    await writeFile(join(local, 'notes', 'a.txt'), 'note');
    await writeFile(join(local, 'notes', 'sub', 'b.txt'), 'deeper');
    await ui.chooseFiles('Upload folder', join(local, 'notes'));
    // The page reads the files from disk as it sends them: they stay until it is done.
    await expect(page.getByText('Uploaded 2 files into /')).toBeVisible();
    await rm(local, { recursive: true, force: true });
    await ui.files('/').getByRole('button', { name: 'Open notes' }).click();
    await expect(ui.files('/notes').getByRole('button', { name: 'View a.txt' }).first()).toBeVisible();
    expect(await docker('exec', c.name, 'cat', '/notes/sub/b.txt')).toBe('deeper');
    await ui.button('Go to /').click();

    await ui.chooseFiles('Extract .tar here', [
      { name: 'bad.tar', mimeType: 'application/x-tar', buffer: await tarOf([{ name: 'ok.txt', body: 'ok' }, { name: '../../escape.txt', body: 'x' }]) },
    ]);
    await expect(ui.page.getByRole('alert')).toContainText('"../../escape.txt" climbs out of the folder');
    await expect(ui.files('/').getByRole('button', { name: 'View ok.txt' })).toHaveCount(0);
    await expect(docker('exec', c.name, 'ls', '/ok.txt')).rejects.toThrow();
  });
});

test.describe('disk usage', () => {
  test("the page's numbers agree with docker system df, and a clean-up says what it reclaimed", async ({ containersPage, page }) => {
    const ui = new StoragePages(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    const stopped = await createTestContainer({ name: uniqueName('stopped'), cmd: ['sh', '-c', 'head -c 100000 /dev/urandom > /junk'] });
    await docker('wait', stopped.id);
    await ui.openDiskUsage();
    let problems: string[] = ['not compared'];
    // Others work on this engine too: read the CLI around the page's measurement, a few times.
    for (let attempt = 0; attempt < 3 && problems.length > 0; attempt++) {
      const before = await dockerSystemDf();
      await ui.button('Measure again').click();
      await expect(ui.page.getByRole('status').filter({ hasText: /^Measured \d+ s ago/ })).toBeVisible({ timeout: 30_000 });
      const ours = {} as Record<DfCategory, DfRow>;
      for (const category of ['images', 'containers', 'volumes', 'buildCache'] as const) ours[category] = await ui.usageRow(category);
      problems = dfMismatches(ours, before, await dockerSystemDf());
    }
    expect(problems).toEqual([]);

    await ui.button('Clean up containers…').click();
    await ui.dialog.getByRole('textbox', { name: 'Only with label' }).fill(RUN_LABEL);
    await ui.dialog.getByRole('textbox', { name: 'Only with label' }).press('Enter');
    const list = ui.dialog.getByRole('list', { name: 'Containers that will be removed' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText(stopped.name);
    await ui.dialog.getByRole('button', { name: 'Remove 1 container' }).click();
    await expect(ui.dialog.getByRole('status')).toContainText(/Removed 1 container, reclaimed (9\d|1\d\d)(\.\d)? KiB/, { timeout: 15_000 });
    expect(await docker('ps', '-aq', '--filter', `id=${stopped.id}`)).toBe('');
  });
});
