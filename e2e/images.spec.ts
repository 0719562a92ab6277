import { randomBytes } from 'node:crypto';
import { test, expect } from './support/fixtures';
import {
  buildTestImage,
  createTestContainer,
  removeTestImage,
  TEST_IMAGE,
} from '../src-main/test-support/engine-fixtures';
import { docker } from './support/docker-cli';
import { ImagesPage } from './pages/images-page';

const run = randomBytes(4).toString('hex');
const tagOf = (what: string, tag = '1') => `berth-test/e2e-${what}-${run}:${tag}`;
const made: string[] = [];

async function build(tag: string, lines: string[], files: Record<string, string | Buffer> = {}) {
  const id = await buildTestImage(tag, lines, files);
  made.push(tag, id);
  return id;
}

test.afterAll(async () => {
  for (const ref of made.reverse()) await removeTestImage(ref);
});

test.describe('images page', () => {
  test('an image built outside the app appears within a second', async ({ containersPage, page }) => {
    const ui = new ImagesPage(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();
    const tag = tagOf('live');
    await ui.filter.fill(tag);
    await build(tag, [`FROM ${TEST_IMAGE}`, 'LABEL e2e=live']);
    await expect(ui.nameLink(tag)).toBeVisible({ timeout: 1_000 });
    await expect(ui.table.getByRole('row').filter({ hasText: tag })).toContainText('docker.io');
    await removeTestImage(tag);
    await expect(ui.nameLink(tag)).toBeHidden({ timeout: 2_000 });
  });

  test('the details Layers tab shows the instructions, shared layers and the sibling image', async ({ containersPage, page }) => {
    const ui = new ImagesPage(page);
    const [a, b] = [tagOf('sib-a'), tagOf('sib-b')];
    await build(a, [`FROM ${TEST_IMAGE}`, 'RUN echo from-a > /a.txt', 'ENV WHO=a'], {});
    await build(b, [`FROM ${TEST_IMAGE}`, 'COPY b.bin /b.bin'], { 'b.bin': randomBytes(3000) });
    // A second name for the sibling: the layer views name an image by all its tags.
    const b2 = tagOf('sib-b', '2');
    await docker('tag', b, b2);
    made.push(b2);
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();
    await ui.show(a);
    await ui.nameLink(a).click();
    await ui.tab('Layers').click();
    await expect(ui.layersTable).toBeVisible();
    await expect(ui.layersTable).toContainText('RUN /bin/sh -c echo from-a > /a.txt');
    await expect(ui.layersTable.getByRole('row').filter({ hasText: 'ENV WHO=a' })).toContainText('no filesystem layer');
    // The busybox base layers are shared with the sibling, which the view names and links.
    const baseRow = ui.layersTable.getByRole('row').filter({ hasText: 'COPY file:' }).first();
    await expect(baseRow.getByRole('link', { name: `${b}, ${b2}`, exact: true })).toBeVisible();
    await expect(page.getByText('Unique to this image')).toBeVisible();
    // The family tree holds both under the shared base, with this image marked.
    await expect(ui.familyTree.getByRole('treeitem', { name: new RegExp(`^${`${b}, ${b2}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} `) })).toBeVisible();
    await expect(ui.familyTree.locator('[aria-current="true"]')).toHaveAccessibleName(new RegExp(`this image`));
  });

  test('the remove dialog names the tag; a second name can go alone', async ({ containersPage, page }) => {
    const ui = new ImagesPage(page);
    const [t1, t2] = [tagOf('two', 'a'), tagOf('two', 'b')];
    const id = await build(t1, [`FROM ${TEST_IMAGE}`, 'LABEL e2e=two']);
    await docker('tag', t1, t2);
    made.push(t2);
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();
    await ui.show(t1);
    await ui.action('Remove', t1).click();
    await expect(ui.dialog.getByRole('heading', { name: `Remove ${t1}` })).toBeVisible();
    await expect(ui.dialog.getByRole('radio', { name: `Remove only the name ${t1}` })).toBeChecked();
    await ui.dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(ui.nameLink(t1)).toBeHidden();
    expect(await docker('image', 'inspect', '--format', '{{join .RepoTags ","}}', id)).toBe(t2);
  });

  test('removing an image a container uses is refused and lists the container', async ({ containersPage, page }) => {
    const ui = new ImagesPage(page);
    const tag = tagOf('used');
    const id = await build(tag, [`FROM ${TEST_IMAGE}`, 'LABEL e2e=used']);
    const c = await createTestContainer({ image: tag, start: false });
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();
    await ui.show(tag);
    await expect(ui.table.getByRole('row').filter({ hasText: tag })).toContainText('1 container');
    await ui.action('Remove', tag).click();
    const refusal = ui.dialog.getByRole('alert');
    await expect(refusal).toContainText('Refused');
    await expect(refusal).toContainText(c.name);
    await expect(ui.dialog.getByRole('button', { name: 'Remove', exact: true })).toBeDisabled();
    await ui.dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await docker('image', 'inspect', '--format', '{{.Id}}', tag)).toBe(id);
  });

  test('tag validates the new name inline without asking the engine, then tags', async ({ containersPage, page }) => {
    const ui = new ImagesPage(page);
    const tag = tagOf('tagme');
    const id = await build(tag, [`FROM ${TEST_IMAGE}`, 'LABEL e2e=tag']);
    const target = tagOf('tagged', '2');
    made.push(target);
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();
    await ui.show(tag);
    await ui.action('Tag', tag).click();
    const input = ui.dialog.getByRole('textbox', { name: 'New name' });
    await input.fill('Bad/Name');
    await expect(ui.dialog.getByRole('alert')).toContainText('lowercase');
    await expect(ui.dialog.getByRole('button', { name: 'Tag', exact: true })).toBeDisabled();
    await input.fill(target);
    await ui.dialog.getByRole('button', { name: 'Tag', exact: true }).click();
    await expect(ui.dialog).toBeHidden();
    // The dialog closing is not the only sign: a notice says what was done, politely.
    await expect(page.getByRole('status').filter({ hasText: `Tagged ${tag} as ${target}` })).toBeVisible();
    await ui.show(target);
    expect(await docker('image', 'inspect', '--format', '{{.Id}}', target)).toBe(id);
  });
});

test.describe('images page, prune and save', () => {
  test('the prune preview lists a dangling test image (nothing is pruned: the engine is shared)', async ({ containersPage, page }) => {
    const ui = new ImagesPage(page);
    const tag = tagOf('dangle');
    const first = await build(tag, [`FROM ${TEST_IMAGE}`, 'COPY d.bin /d.bin'], { 'd.bin': randomBytes(2000) });
    await build(tag, [`FROM ${TEST_IMAGE}`, 'COPY d.bin /d.bin'], { 'd.bin': randomBytes(2100) });
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();
    await ui.page.getByRole('checkbox', { name: 'Dangling only' }).check();
    const noneRef = `<none>@${first.replace('sha256:', '').slice(0, 12)}`;
    await expect(ui.nameLink(noneRef)).toBeVisible();
    await ui.page.getByRole('button', { name: 'Prune…' }).click();
    const preview = ui.dialog.getByRole('list', { name: 'Images that prune removes' });
    // The preview replays the engine's prune rules over every local image: slow on a busy shared engine.
    await expect(preview).toContainText(noneRef, { timeout: 60_000 });
    await expect(ui.dialog).toContainText('Space to reclaim');
    await ui.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(ui.dialog).toBeHidden();
    expect(await docker('image', 'inspect', '--format', '{{.Id}}', first)).toBe(first);
  });

  test('save offers the image as a .tar download', async ({ containersPage, page }) => {
    const ui = new ImagesPage(page);
    const tag = tagOf('save');
    await build(tag, [`FROM ${TEST_IMAGE}`, 'LABEL e2e=save']);
    await expect(containersPage.engineStatus).toContainText('Connected');
    await ui.open();
    await ui.show(tag);
    const download = page.waitForEvent('download');
    await ui.action('Save', tag).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.tar$/);
    const path = await file.path();
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
    expect(size).toBeGreaterThan(1_000_000); // busybox's layer is in it
  });
});

test.describe('load', () => {
  test('loads a .tar from a path on the machine Berth runs on, and the image appears', async ({ containersPage, page }) => {
    const ui = new ImagesPage(page);
    const tag = tagOf('load');
    await build(tag, [`FROM ${TEST_IMAGE}`, 'LABEL e2e=load']);
    const file = `/tmp/berth-e2e-load-${run}.tar`;
    await docker('save', '-o', file, tag);
    await removeTestImage(tag);
    try {
      await expect(containersPage.engineStatus).toContainText('Connected');
      await ui.open();
      await ui.page.getByRole('button', { name: 'Load from file…' }).click();
      await ui.dialog.getByRole('textbox', { name: 'Path to the .tar file' }).fill(`${file}.missing`);
      await ui.dialog.getByRole('button', { name: 'Load', exact: true }).click();
      await expect(ui.dialog.getByRole('alert')).toContainText('There is no file at');
      await ui.dialog.getByRole('textbox', { name: 'Path to the .tar file' }).fill('/proc/self/environ');
      await ui.dialog.getByRole('button', { name: 'Load', exact: true }).click();
      await expect(ui.dialog.getByRole('alert')).toContainText('/proc/self/environ is in /proc');
      await ui.dialog.getByRole('textbox', { name: 'Path to the .tar file' }).fill(file);
      await ui.dialog.getByRole('button', { name: 'Load', exact: true }).click();
      await expect(ui.dialog.getByRole('status')).toContainText(`Loaded ${tag}`);
      await ui.dialog.getByRole('button', { name: 'Close' }).click();
      await ui.show(tag);
    } finally {
      await import('node:fs/promises').then((fs) => fs.rm(file, { force: true }));
    }
  });
});

test.describe('container writable layer', () => {
  test('the Changes tab lists added, changed and deleted paths and computes the size on demand', async ({ containersPage: ui, page }) => {
    const c = await createTestContainer({
      cmd: ['sh', '-c', 'head -c 20000 /dev/zero > /added.bin; echo x >> /etc/hostname.new; rm /bin/yes; trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'],
    });
    await expect(ui.engineStatus).toContainText('Connected');
    await page.goto(`${new URL(page.url()).origin}/#/containers/${c.id}/changes`);
    const table = page.getByRole('table', { name: 'Changed paths' });
    await expect(table.getByRole('row').filter({ hasText: '/added.bin' })).toContainText('Added');
    await expect(table.getByRole('row').filter({ hasText: /^Deleted\s*\/bin\/yes$/ })).toBeVisible();
    await page.getByRole('button', { name: `Compute size of ${c.name}` }).click();
    const sizes = page.getByRole('definition').first();
    await expect(sizes).toHaveText(/^(19\.\d|20) KiB$/);
  });

  test('the Changes tab of a container that wrote nothing says so, with no error (the engine answers null)', async ({ containersPage: ui, page }) => {
    const c = await createTestContainer({ start: false });
    await expect(ui.engineStatus).toContainText('Connected');
    await page.goto(`${new URL(page.url()).origin}/#/containers/${c.id}/changes`);
    await expect(page.getByText('No changes since the container was created')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
