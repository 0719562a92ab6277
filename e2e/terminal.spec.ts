import { randomBytes } from 'node:crypto';
import { test, expect } from './support/fixtures';
import {
  createTestContainer,
  ensureBusyboxImage,
  fixtureClient,
  TEST_LABELS,
  uniqueName,
} from '../src-main/test-support/engine-fixtures';
import { docker, inspectState } from './support/docker-cli';
import { TerminalPage } from './pages/terminal-page';

const marker = () => `m${randomBytes(4).toString('hex')}`;

/** The rows and columns `stty size` reports, read back through a unique frame in the output. */
async function sttySize(term: TerminalPage): Promise<string> {
  const tag = marker();
  await term.run(`echo ${tag}-$(stty size | tr ' ' x)-end`);
  const re = new RegExp(`${tag}-(\\d+x\\d+)-end`);
  await expect.poll(async () => re.exec(await term.text())?.[1] ?? null, { timeout: 10_000 }).not.toBeNull();
  return re.exec(await term.text())![1]!;
}

test.describe('terminal tab', () => {
  test('runs echo, follows the view size, and reports exit 3', async ({ containersPage, page }) => {
    const c = await createTestContainer();
    await expect(containersPage.engineStatus).toContainText('Connected');
    const term = new TerminalPage(page);
    await term.open(c.id);
    const m = marker();
    await term.run(`echo hello-${m}`);
    await expect(term.screen()).toContainText(`hello-${m}`);

    const before = await sttySize(term);
    await page.setViewportSize({ width: 900, height: 620 });
    await expect.poll(() => sttySize(term), { timeout: 15_000 }).not.toBe(before);

    await term.run('exit 3');
    await expect(term.status).toContainText('exited with code 3');
    await expect(term.status.getByRole('button', { name: 'Reconnect' })).toBeVisible();
  });

  test('keys typed right after `clear` all reach the shell, with the prompt on the top row', async ({ containersPage, page }) => {
    const c = await createTestContainer();
    await expect(containersPage.engineStatus).toContainText('Connected');
    const term = new TerminalPage(page);
    await term.open(c.id);
    // busybox sh asks where the cursor is at every prompt; on the top row its answer once
    // swallowed the keys typed behind it. The arithmetic shows the whole line ran.
    for (let i = 0; i < 3; i++) {
      const m = marker();
      await term.run('clear');
      await term.run(`echo ${m}-$((40 + ${i}))`);
      await expect(term.screen()).toContainText(`${m}-${40 + i}`);
    }
  });

  test('a session survives a tab switch; closing it leaves no process', async ({ containersPage, page }) => {
    const c = await createTestContainer();
    await expect(containersPage.engineStatus).toContainText('Connected');
    const term = new TerminalPage(page);
    await term.open(c.id);
    const m = marker();
    await term.run(`echo kept-${m}`);
    await expect(term.screen()).toContainText(`kept-${m}`);

    await term.tab('Overview').click();
    await expect(term.screen()).toBeHidden();
    await term.tab('Terminal').click();
    await expect(term.screen()).toContainText(`kept-${m}`);
    await expect(term.sessionTab('Session 2')).toHaveCount(0);

    // A busy foreground job: closing must not leave it (or its shell) running in the container.
    await term.run('sleep 987654');
    await expect.poll(async () => docker('top', c.id), { timeout: 10_000 }).toContain('987654');
    await term.closeButton('Session 1').click();
    await expect(term.screen()).toHaveCount(0);
    // Only the container's own processes remain: no sleep and no interactive shell of the session.
    await expect
      .poll(async () => docker('top', c.id), { timeout: 15_000 })
      .not.toMatch(/987654|\s(\/bin\/)?(bash|sh)\s*$/m);
  });

  test('attach, then Ctrl+P Ctrl+Q detaches and leaves the container running', async ({ containersPage, page }) => {
    const name = uniqueName('attach');
    const { Id: id } = await fixtureClient().request<{ Id: string }>({
      method: 'POST',
      path: '/containers/create',
      query: { name },
      body: { Image: await ensureBusyboxImage(), Cmd: ['sh'], Tty: true, OpenStdin: true, Labels: { ...TEST_LABELS } },
      action: 'create',
      object: name,
    });
    await fixtureClient().startContainer({ id, name });
    await expect(containersPage.engineStatus).toContainText('Connected');
    const term = new TerminalPage(page);
    await term.open(id);
    await expect(term.screen('Session 1')).toBeVisible();
    await term.newSession('Attach to main process');
    await expect(page.getByText('Ctrl+C there may stop the container')).toBeVisible();
    await term.run('echo att-$((40+2))', 'Session 2');
    await expect(term.screen('Session 2')).toContainText('att-42');
    await page.keyboard.press('Control+P');
    await page.keyboard.press('Control+Q');
    await expect(term.status).toContainText('Detached; the container keeps running.');
    expect((await inspectState(name))?.running).toBe(true);
  });

  test('a stopped container offers to start it', async ({ containersPage, page }) => {
    const c = await createTestContainer({ start: false });
    await expect(containersPage.engineStatus).toContainText('Connected');
    const term = new TerminalPage(page);
    await term.open(c.id);
    await page.getByRole('button', { name: 'Start container' }).click();
    const m = marker();
    await term.run(`echo started-${m}`);
    await expect(term.screen()).toContainText(`started-${m}`);
    expect((await inspectState(c.name))?.running).toBe(true);
  });
});
