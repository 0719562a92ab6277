import { test as base, expect } from '@playwright/test';
import { startBerthServer, type BerthServer } from './berth-server';
import { removeTestObjects } from '../../src-main/test-support/engine-fixtures';
import { ContainersPage } from '../pages/containers-page';
import { reportPageProblems } from './page-problems';

interface WorkerFixtures {
  berth: BerthServer;
}
interface TestFixtures {
  containersPage: ContainersPage;
}

/**
 * One browser-mode server per worker, against the real engine; every test gets a
 * signed-in page on the containers list and leaves no labelled objects behind.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  berth: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startBerthServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  containersPage: async ({ page, berth }, use, testInfo) => {
    reportPageProblems(page, testInfo.title);
    await page.goto(berth.loginUrl);
    const containers = new ContainersPage(page);
    await use(containers);
    await removeTestObjects();
  },
});

export { expect };
