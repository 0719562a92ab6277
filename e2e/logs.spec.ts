import { readFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test, expect } from './support/fixtures';
import { createTestContainer, fixtureClient, uniqueName } from '../src-main/test-support/engine-fixtures';
import { docker } from './support/docker-cli';
import { LogsPage } from './pages/logs-page';

const run = promisify(execFile);
const IDLE = 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done';
const waitForExit = (id: string) => fixtureClient().request({ method: 'POST', path: `/containers/${id}/wait`, action: 'wait for' });

test.describe('logs tab', () => {
  test('shows the output, stderr marked, timestamps on request', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ cmd: ['sh', '-c', `echo out-line; sleep 0.2; echo err-line >&2; ${IDLE}`] });
    await expect(ui.engineStatus).toContainText('Connected');
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    await expect(logs.line('out-line')).toBeVisible();
    await expect(logs.line('err-line')).toContainText('ERR');
    await expect(logs.line('out-line')).not.toContainText('ERR');
    await expect(logs.status).toContainText('2 lines');

    const stamp = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}/;
    await expect(logs.line('out-line')).not.toHaveText(stamp);
    await logs.checkbox('Show timestamps').check();
    await expect(logs.line('out-line')).toHaveText(stamp);
    await logs.checkbox('Show timestamps').uncheck();
    await expect(logs.line('out-line')).not.toHaveText(stamp);
  });

  test('follows new lines, and pausing holds them back with a count', async ({ containersPage: ui }) => {
    const c = await createTestContainer({
      cmd: ['sh', '-c', `echo first; while [ ! -e /go ]; do sleep 0.1; done; echo second; while [ ! -e /go2 ]; do sleep 0.1; done; echo third; ${IDLE}`],
    });
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    await expect(logs.line('first')).toBeVisible();
    await docker('exec', c.id, 'touch', '/go');
    await expect(logs.line('second')).toBeVisible({ timeout: 15_000 });

    await logs.button('Pause following').click();
    await docker('exec', c.id, 'touch', '/go2');
    await expect(logs.region.getByRole('button', { name: '1 new line' })).toBeVisible({ timeout: 15_000 });
    await expect(logs.line('third')).toHaveCount(0);
    await logs.button('Resume following').click();
    await expect(logs.line('third')).toBeVisible();
  });

  test('search finds and highlights; the filter shows only matching lines', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ cmd: ['sh', '-c', `echo alpha needle; echo beta; echo gamma NEEDLE; ${IDLE}`] });
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    await expect(logs.line('gamma')).toBeVisible();
    // Typing alone lands on the nearest match, as a browser's find does: no Enter needed.
    await logs.search.pressSequentially('needle');
    await expect(logs.highlights).toHaveText(['needle', 'NEEDLE']);
    await expect(logs.region).toContainText('1 of 2');
    await expect(logs.region.locator('mark.current')).toHaveText('needle');
    await logs.button('Next match').click();
    await expect(logs.region).toContainText('2 of 2');
    await expect(logs.region.locator('mark.current')).toHaveText('NEEDLE');
    await logs.checkbox('Show only matching lines').check();
    await expect(logs.lines).toHaveCount(2);
    await expect(logs.line('beta')).toHaveCount(0);
  });

  test('the downloaded file equals `docker logs` byte for byte', async ({ containersPage: ui }) => {
    const cmd = `echo 'héllo wörld ✓'; printf '\\033[32mgreen\\033[0m\\n'; yes 0123456789 | head -n 2000; printf 'no newline'`;
    const c = await createTestContainer({ cmd: ['sh', '-c', cmd] });
    await waitForExit(c.id);
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    await expect(logs.line('no newline')).toBeVisible();
    const downloading = ui.page.waitForEvent('download');
    await logs.button('Download logs').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${c.name}.log`);
    const file = await readFile(await download.path());
    const cli = await run('docker', ['logs', c.id], { encoding: 'buffer', maxBuffer: 1 << 26 });
    expect(cli.stdout.length).toBeGreaterThan(20_000);
    expect(file.equals(cli.stdout)).toBe(true);
  });

  test("a stopped, then started container's log continues without repeats", async ({ containersPage: ui }) => {
    const script = `n=$(cat /n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /n; echo run-$n; ${IDLE}`;
    const c = await createTestContainer({ cmd: ['sh', '-c', script] });
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    await expect(logs.line('run-1')).toBeVisible();
    await docker('stop', '-t', '5', c.id);
    await expect(logs.status).toContainText(`${c.name} stopped`, { timeout: 15_000 });
    await docker('start', c.id);
    await expect(logs.line('run-2')).toBeVisible({ timeout: 15_000 });
    await expect(logs.line(/run-\d/)).toHaveText(['run-1', 'run-2']);
    await expect(logs.status).not.toContainText('stopped');
  });

  test('says when the container was removed', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ cmd: ['sh', '-c', `echo bye; ${IDLE}`] });
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    await expect(logs.line('bye')).toBeVisible();
    await docker('rm', '-f', c.id);
    await expect(logs.status).toContainText(`${c.name} was removed`, { timeout: 15_000 });
    await expect(logs.line('bye')).toBeVisible();
  });
});

test.describe('logs tab, a huge line', () => {
  test('a line longer than 1 MiB is split into rows, each row after the first marked as continued', async ({ containersPage: ui }) => {
    // 2.5 MB with no newline until the end: main cuts it into 1 MiB pieces.
    const c = await createTestContainer({ cmd: ['sh', '-c', `printf 'head-'; head -c 2500000 /dev/zero | tr '\\0' x; echo '-tail'; ${IDLE}`] });
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    await expect(logs.status).toContainText('3 lines', { timeout: 30_000 });
    const continued = logs.lines.filter({ has: ui.page.getByTitle(/continues the line above/) });
    await expect(continued).toHaveCount(2);
    await expect(logs.lines.first()).not.toContainText('continued');
    await expect(continued.nth(0)).toContainText('↳ continued');
    await expect(continued.nth(1)).toContainText('-tail');
  });
});

test.describe('logs tab controls', () => {
  test('renders ANSI colours, loads the chosen number of lines, copies and clears', async ({ containersPage: ui }) => {
    await ui.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const c = await createTestContainer({
      cmd: ['sh', '-c', `printf '\\033[31mred-text\\033[0m plain\\n'; for i in $(seq 1 150); do echo n-$i; done; ${IDLE}`],
    });
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    await expect(logs.status).toContainText('151 lines');
    // The first line is far above the bottom the view follows: go there through the search.
    await logs.search.fill('plain');
    await logs.button('Next match').click();
    await expect(logs.line('red-text')).toHaveText('red-text plain');
    await expect(logs.line('red-text').getByText('red-text', { exact: true })).toHaveAttribute('style', /var\(--ansi-1\)/);
    await logs.button('Resume following').click();

    await logs.tail.selectOption('100');
    await expect(logs.status).toContainText('100 lines');
    await expect(logs.line('red-text')).toHaveCount(0);

    await logs.search.fill('n-14');
    await logs.checkbox('Show only matching lines').check();
    await expect(logs.lines).toHaveCount(10); // n-140 … n-149
    await logs.button('Copy').click();
    // Done is a passing confirmation in the app's messages (a toast), not a notice in the log view.
    await expect(ui.page.getByRole('region', { name: 'Messages' })).toContainText('Copied 10 lines');
    await expect(logs.region).not.toContainText('Copied');
    await expect(ui.page.getByRole('alert')).toHaveCount(0);
    const expected = Array.from({ length: 10 }, (_, i) => `n-14${i}`).join('\n');
    expect(await ui.page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    await logs.button('Clear view').click();
    await expect(logs.status).toContainText('0 lines');
    await expect(logs.lines).toHaveCount(0);
  });

  test('keeps only the line limit of a longer log, newest lines, and says how many older ones it dropped', async ({
    containersPage: ui,
  }) => {
    const c = await createTestContainer({ cmd: ['sh', '-c', `seq 1 12000; ${IDLE}`] });
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    await expect(logs.status).toContainText('1,000 lines');
    const limit = logs.region.getByRole('combobox', { name: 'Lines kept in memory' });
    await limit.selectOption('10000');
    try {
      await logs.tail.selectOption('all');
      await expect(logs.status).toContainText('10,000 lines · 2,000 older lines dropped');
      const count = logs.region.locator('.log-count');
      await expect(count).toHaveAttribute('data-total', '12000');
      await expect(logs.line(/^12000$/)).toBeVisible();
      // The oldest line kept is 2001: reached through the search, 2000 is not there.
      await logs.search.fill('2001');
      await logs.checkbox('Show only matching lines').check();
      await expect(logs.lines.first()).toHaveText('2001');
      await logs.search.fill('2000');
      await expect(logs.line(/^2000$/)).toHaveCount(0);
      await expect(logs.line(/^12000$/)).toBeVisible();
      // A higher limit loads the lines the lower one left out.
      await logs.checkbox('Show only matching lines').uncheck();
      await logs.search.fill('');
      await limit.selectOption('100000');
      await expect(logs.status).toContainText('12,000 lines');
      await expect(logs.status).not.toContainText('dropped');
      await expect(count).toHaveAttribute('data-total', '12000');
    } finally {
      // The limit is an app setting shared by the later tests.
      await limit.selectOption('100000');
    }
  });

  test('wraps long lines on request', async ({ containersPage: ui }) => {
    const c = await createTestContainer({ cmd: ['sh', '-c', `yes word | head -n 400 | tr '\\n' ' '; echo; ${IDLE}`] });
    const logs = await LogsPage.openContainer(ui.page, c.id, c.name);
    const line = logs.line('word word');
    await expect(line).toBeVisible();
    const oneRow = (await line.boundingBox())!.height;
    await logs.checkbox('Wrap lines').check();
    await expect.poll(async () => (await line.boundingBox())!.height).toBeGreaterThan(oneRow * 2);
  });
});

test.describe('project logs', () => {
  test("one view of a compose project's containers, each line prefixed, each container toggled", async ({ containersPage: ui }) => {
    const project = uniqueName('proj');
    const labels = { 'com.docker.compose.project': project };
    const a = await createTestContainer({ labels, cmd: ['sh', '-c', `echo line-of-a; ${IDLE}`] });
    const b = await createTestContainer({ labels, cmd: ['sh', '-c', `echo line-of-b; ${IDLE}`] });
    await ui.filter.fill(project);
    await ui.page.getByRole('link', { name: `Logs of project ${project}` }).click();
    const logs = new LogsPage(ui.page, project);
    await expect(logs.region).toBeVisible();
    await expect(logs.line('line-of-a')).toContainText(`${a.name} | line-of-a`);
    await expect(logs.line('line-of-b')).toContainText(`${b.name} | line-of-b`);
    await logs.checkbox(`Show ${a.name}`).uncheck();
    await expect(logs.line('line-of-a')).toHaveCount(0);
    await expect(logs.line('line-of-b')).toBeVisible();
    await logs.checkbox(`Show ${a.name}`).check();
    await expect(logs.line('line-of-a')).toBeVisible();
  });
});
