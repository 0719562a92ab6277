// The Files tab at scale: a folder of 100,000 entries, and a 1 GB file down and up through
// the built browser-mode server, whose memory is read from /proc meanwhile.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { test, expect } from './support/fixtures';
import { createTestContainer, IDLE_CMD, removeTestObjects, uniqueName } from '../src-main/test-support/engine-fixtures';
import { startBerthServer } from './support/berth-server';
import { docker } from './support/docker-cli';
import { mib, processMemory } from './support/proc-memory';
import { StoragePages } from './pages/storage-pages';

const GIB = 1024 ** 3;
/** A memory bound, not a timing: streaming keeps Berth's growth far below the file's size. */
const RSS_GROWTH_LIMIT = 200 * 1024 ** 2;

const idle = IDLE_CMD[2]!;
const sha256OfFile = async (file: string) => {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
};
const sha256InContainer = async (name: string, path: string) => (await docker('exec', name, 'sha256sum', path)).split(/\s+/)[0];

test.describe('files at scale', () => {
  test('a folder of 100,000 entries shows its exact count, pages, and filters while staying responsive', async ({ containersPage, page }) => {
    test.setTimeout(240_000);
    const ui = new StoragePages(page);
    await expect(containersPage.engineStatus).toContainText('Connected');
    const c = await createTestContainer({ name: uniqueName('files-big-folder'), cmd: ['sh', '-c', `mkdir /big && cd /big && seq 1 100000 | xargs touch && touch /big.done; ${idle}`] });
    await expect.poll(() => docker('exec', c.name, 'ls', '/big.done').catch(() => ''), { timeout: 120_000 }).toBe('/big.done');

    await page.goto(`${new URL(page.url()).origin}/#/containers/${c.id}/files`);
    await ui.files('/').getByRole('button', { name: 'Open big' }).click();
    const count = page.getByRole('status').filter({ hasText: /entries/ }).filter({ hasNotText: 'Reading' });
    await expect(count).toHaveText('100,000 entries', { timeout: 120_000 });
    // One page of rows is in the document, whatever the folder's size.
    await expect(page.getByText('1–200 of 100,000')).toBeVisible();
    await expect(ui.files('/big').getByRole('row')).toHaveCount(201);
    await ui.button('Next page of entries').click();
    await expect(page.getByText('201–400 of 100,000')).toBeVisible();

    const filter = page.getByRole('searchbox', { name: 'Filter /big by name' });
    await filter.fill('99999');
    await expect(count).toHaveText('1 of 100,000 entries match “99999”');
    await expect(ui.files('/big').locator('tr[data-entry="99999"]')).toBeVisible();
    // Typing on updates the list: the page keeps up with the keyboard.
    await filter.press('Backspace');
    // 9999, 19999 … 99999 and 99990 … 99998.
    await expect(count).toHaveText('19 of 100,000 entries match “9999”');
    await expect(ui.files('/big').locator('tr[data-entry="19999"]')).toBeVisible();
  });

  test('a 1 GB file downloads and uploads byte for byte while the server stays far below its size in memory', async ({ page }) => {
    test.setTimeout(600_000);
    const server = await startBerthServer();
    const local = await mkdtemp(join(tmpdir(), 'berth-e2e-big-'));
    try {
      const c = await createTestContainer({ name: uniqueName('files-big-file'), cmd: ['sh', '-c', `mkdir /up && head -c ${GIB} /dev/urandom > /big.bin && touch /big.done; ${idle}`] });
      await expect.poll(() => docker('exec', c.name, 'ls', '/big.done').catch(() => ''), { timeout: 180_000 }).toBe('/big.done');
      const inContainer = await sha256InContainer(c.name, '/big.bin');

      await page.goto(server.loginUrl);
      await page.goto(`${server.origin}/#/containers/${c.id}/files`);
      const ui = new StoragePages(page);
      await expect(ui.files('/').getByRole('button', { name: 'Download big.bin' })).toBeVisible({ timeout: 30_000 });

      const before = await processMemory(server.pid);
      const downloading = page.waitForEvent('download');
      await ui.files('/').getByRole('button', { name: 'Download big.bin' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('big.bin');
      const saved = join(local, 'downloaded.bin');
      await download.saveAs(saved);
      const afterDownload = await processMemory(server.pid);
      expect(await sha256OfFile(saved)).toBe(inContainer);
      await rm(saved);

      // A 1 GB file of this machine's own making, then up through "Upload files".
      const upload = join(local, 'upload.bin');
      const hash = createHash('sha256');
      const out = createWriteStream(upload);
      for (let i = 0; i < 1024; i++) {
        const chunk = randomBytes(1024 * 1024);
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(() => resolve());
      });
      const uploadHash = hash.digest('hex');
      await ui.files('/').getByRole('button', { name: 'Open up' }).click();
      await ui.chooseFiles('Upload files', upload);
      await expect(page.getByText('Uploaded 1 file into /up')).toBeVisible({ timeout: 300_000 });
      const afterUpload = await processMemory(server.pid);
      expect(await sha256InContainer(c.name, '/up/upload.bin')).toBe(uploadHash);

      const note = `server RSS before ${mib(before.rss)} MiB; peak after download ${mib(afterDownload.peak)} MiB; peak after upload ${mib(afterUpload.peak)} MiB`;
      test.info().annotations.push({ type: 'memory', description: note });
      console.log(`files-scale: ${note}`);
      expect(afterDownload.peak - before.rss).toBeLessThan(RSS_GROWTH_LIMIT);
      expect(afterUpload.peak - before.rss).toBeLessThan(RSS_GROWTH_LIMIT);
    } finally {
      await server.stop();
      await removeTestObjects();
      await rm(local, { recursive: true, force: true });
    }
  });
});
