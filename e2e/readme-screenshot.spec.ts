import path from 'node:path';
import { test, expect } from './support/fixtures';
import { createTestContainer } from '../src-main/test-support/engine-fixtures';

// The README's screenshot is taken by the e2e run, so it always shows the app as it is.
test('containers page screenshot for the README', async ({ containersPage: ui }) => {
  const project = { 'com.docker.compose.project': 'berth-demo' };
  await createTestContainer({ name: 'berth-test-demo-web-1', start: true, labels: { ...project, 'com.docker.compose.service': 'web' } });
  await createTestContainer({ name: 'berth-test-demo-db-1', start: true, labels: { ...project, 'com.docker.compose.service': 'db' } });
  await createTestContainer({ name: 'berth-test-demo-worker', start: false });
  await ui.page.setViewportSize({ width: 1280, height: 720 });
  await ui.filter.fill('berth-test-demo');
  await expect(ui.nameLink('berth-test-demo-worker')).toBeVisible();
  await expect(ui.nameLink('berth-test-demo-web-1')).toBeVisible();
  await ui.page.screenshot({ path: path.join(import.meta.dirname, '..', 'docs', 'screenshot.png') });
});
