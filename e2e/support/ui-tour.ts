import { expect, type Browser, type Page } from '@playwright/test';
import {
  buildTestImage,
  closeFixtureClient,
  createTestContainer,
  removeTestImage,
  removeTestObjects,
  TEST_IMAGE,
  type TestContainer,
} from '../../src-main/test-support/engine-fixtures';
import { reportPageProblems } from './page-problems';
import { startBerthServer, type BerthServer } from './berth-server';
import { connectToDemoNetwork, createStorageDemo, DB_CMD, STORAGE_DEMO, storageViews } from './ui-tour-storage';

/**
 * A fixed cast for the specs that look at every page (layout, accessibility, screenshots):
 * a compose project of two running containers (one publishing a port, with a log), a
 * stopped worker, and an image of a few layers. Fixed names make screenshots repeatable;
 * a name still held by another test run on this engine is waited for, never taken.
 */
export const DEMO = {
  project: 'berth-demo',
  web: 'berth-test-demo-web-1',
  db: 'berth-test-demo-db-1',
  worker: 'berth-test-demo-worker',
  image: 'berth-test/demo-app:1.4',
  imageTag2: 'berth-test/demo-app:latest',
  filter: 'berth-test-demo',
  imageFilter: 'berth-test/demo-app',
} as const;

export interface Demo {
  web: TestContainer;
  db: TestContainer;
  worker: TestContainer;
  imageId: string;
  /** The network the db and web are on (see ui-tour-storage.ts). */
  networkId: string;
}

const LOG_CMD = [
  'sh',
  '-c',
  [
    'echo "demo-app 1.4 listening on :80"',
    'i=1; while [ $i -le 60 ]; do echo "GET /api/items/$i 200 $((i % 7 + 1))ms"; i=$((i+1)); done',
    'echo "cache warm-up took longer than expected (2.1 s)" >&2',
    'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done',
  ].join('; '),
];

/**
 * Creates a fixed-name container. The name may be held by another tour on this engine
 * (waited for), and the demo image may be untagged by another tour ending meanwhile
 * (built again): both are other runs' cast, never taken or removed here.
 */
async function createNamed(options: Parameters<typeof createTestContainer>[0] & { name: string }, rebuild: () => Promise<unknown>): Promise<TestContainer> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      return await createTestContainer(options);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code !== 'conflict' && code !== 'not-found') || Date.now() > deadline) throw err;
      if (code === 'not-found') await rebuild();
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function buildDemoImages(attempt = 1): Promise<string> {
  try {
    return await buildDemoImagesOnce();
  } catch (err) {
    // The base tag went between the two builds (another tour ended): the engine then tries Docker Hub.
    if (attempt >= 3) throw err;
    return buildDemoImages(attempt + 1);
  }
}

async function buildDemoImagesOnce(): Promise<string> {
  const imageId = await buildTestImage(DEMO.image, [
    `FROM ${TEST_IMAGE}`,
    'RUN mkdir -p /srv/www && echo "<h1>demo</h1>" > /srv/www/index.html',
    'COPY app.conf /etc/demo-app/app.conf',
    'WORKDIR /srv/www',
    'ENV DEMO_MODE=production LISTEN_PORT=80',
    'EXPOSE 80/tcp',
    'LABEL org.opencontainers.image.title="demo-app" org.opencontainers.image.version="1.4"',
  ], { 'app.conf': 'listen 80\nroot /srv/www\n' });
  await buildTestImage(DEMO.imageTag2, [`FROM ${DEMO.image}`]);
  return imageId;
}

export async function createDemo(): Promise<Demo> {
  let imageId = await buildDemoImages();
  const rebuild = async () => (imageId = await buildDemoImages());
  const compose = (service: string) => ({ 'com.docker.compose.project': DEMO.project, 'com.docker.compose.service': service });
  const web = await createNamed({ name: DEMO.web, image: DEMO.image, cmd: LOG_CMD, ports: ['80/tcp'], labels: compose('web') }, rebuild);
  const { networkId } = await createStorageDemo(DEMO.project);
  const db = await createNamed({ name: DEMO.db, cmd: DB_CMD, labels: compose('db'), network: STORAGE_DEMO.network, namedVolumes: { [STORAGE_DEMO.volume]: '/data' } }, rebuild);
  await connectToDemoNetwork(web.id);
  const worker = await createNamed({ name: DEMO.worker, start: false, anonymousVolumes: ['/var/cache/worker'] }, rebuild);
  return { web, db, worker, imageId, networkId };
}

export async function removeDemoImages(): Promise<void> {
  await removeTestImage(DEMO.imageTag2);
  await removeTestImage(DEMO.image);
}

export interface View {
  name: string;
  /** Whether it is a dialog (checked for visible actions, closed with Escape). */
  dialog?: boolean;
  open(page: Page, demo: Demo): Promise<void>;
}

const go = async (page: Page, hash: string) => {
  await page.evaluate((h) => (window.location.hash = h), hash);
};
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const containerList = async (page: Page) => {
  await go(page, '#/containers');
  await page.getByRole('searchbox', { name: 'Filter containers' }).fill(DEMO.filter);
  await expect(page.getByRole('link', { name: DEMO.worker, exact: true })).toBeVisible();
};
const imageList = async (page: Page) => {
  await go(page, '#/images');
  await page.getByRole('searchbox', { name: 'Filter images' }).fill(DEMO.imageFilter);
  await expect(page.getByRole('link', { name: DEMO.image, exact: true })).toBeVisible();
};
const dialogOpen = (page: Page, name?: string | RegExp) => expect(name ? page.getByRole('dialog', { name }) : page.getByRole('dialog')).toBeVisible();

/** Every page and dialog, each opened the way a user gets there. */
export const views: View[] = [
  {
    name: 'containers',
    open: async (page, d) => {
      await containerList(page);
      // The usage columns filled in, as a user sees them a moment after opening the page.
      await expect(page.locator(`[data-container-id="${d.web.id}"] .cell-memory`)).toHaveText(/B/, { timeout: 15_000 });
    },
  },
  {
    name: 'container-overview',
    open: async (page, d) => {
      await go(page, `#/containers/${d.web.id}`);
      await expect(page.getByRole('heading', { name: 'Networks' })).toBeVisible();
    },
  },
  {
    name: 'container-inspect',
    open: async (page, d) => {
      await go(page, `#/containers/${d.web.id}/inspect`);
      await expect(page.getByRole('searchbox', { name: 'Search inspect JSON' })).toBeVisible();
    },
  },
  {
    name: 'container-logs',
    open: async (page, d) => {
      await go(page, `#/containers/${d.web.id}/logs`);
      await expect(page.getByRole('region', { name: `Logs of ${DEMO.web}` }).getByRole('listitem').filter({ hasText: 'GET /api/items/60 ' })).toBeVisible();
    },
  },
  {
    name: 'container-terminal',
    open: async (page, d) => {
      await go(page, `#/containers/${d.web.id}/terminal`);
      await expect(page.locator('.xterm-screen')).toBeVisible();
      await expect(page.locator('.xterm-rows')).toContainText('#');
    },
  },
  {
    name: 'container-stats',
    open: async (page, d) => {
      await go(page, `#/containers/${d.web.id}/stats`);
      await expect(page.getByRole('radiogroup').or(page.getByRole('group')).first()).toBeVisible();
      await expect(page.locator('.stats-charts canvas').first()).toBeVisible();
    },
  },
  {
    name: 'container-changes',
    open: async (page, d) => {
      await go(page, `#/containers/${d.web.id}/changes`);
      await expect(page.getByRole('button', { name: /^Compute size/ })).toBeVisible();
    },
  },
  {
    name: 'project-logs',
    open: async (page) => {
      await go(page, `#/projects/${DEMO.project}/logs`);
      await expect(page.getByRole('region', { name: `Logs of ${DEMO.project}` }).getByRole('listitem').first()).toBeVisible();
    },
  },
  { name: 'images', open: imageList },
  {
    name: 'image-overview',
    open: async (page, d) => {
      await go(page, `#/images/${encodeURIComponent(d.imageId)}`);
      await expect(page.getByRole('heading', { name: 'Environment' })).toBeVisible();
    },
  },
  {
    name: 'image-layers',
    open: async (page, d) => {
      await go(page, `#/images/${encodeURIComponent(d.imageId)}/layers`);
      await expect(page.getByRole('tree', { name: 'Images by shared layers' })).toBeVisible();
    },
  },
  {
    name: 'image-inspect',
    open: async (page, d) => {
      await go(page, `#/images/${encodeURIComponent(d.imageId)}/inspect`);
      await expect(page.getByRole('searchbox', { name: 'Search inspect JSON' })).toBeVisible();
    },
  },
  {
    name: 'build',
    open: async (page) => {
      await go(page, '#/build');
      await expect(heading(page, 'Build an image')).toBeVisible();
    },
  },
  {
    name: 'registries',
    open: async (page) => {
      await go(page, '#/registries');
      await expect(heading(page, 'Registries')).toBeVisible();
      await expect(page.getByText('Loading', { exact: false })).toHaveCount(0);
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await go(page, '#/settings');
      await expect(page.getByRole('group', { name: 'Theme' })).toBeVisible();
    },
  },
  {
    name: 'run-dialog',
    dialog: true,
    open: async (page) => {
      await containerList(page);
      await page.getByRole('button', { name: 'Run container', exact: true }).click();
      await dialogOpen(page, 'Run a container');
    },
  },
  {
    name: 'run-dialog-errors',
    dialog: true,
    open: async (page) => {
      await containerList(page);
      await page.getByRole('button', { name: 'Run container', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Run a container' });
      for (const [label, value] of [['Image', 'Not A Valid Image!'], ['Name', '-bad name'], ['Ports', '99999:80\nabc'], ['Memory', '12 parsecs'], ['CPUs', '-3'], ['Environment', '=oops'], ['Labels', '=x'], ['Volumes', 'relative/path:/data']]) {
        await dialog.getByLabel(label!, { exact: true }).fill(value!);
      }
      await dialog.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(dialog.getByLabel('Memory', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    },
  },
  {
    name: 'remove-container-dialog',
    dialog: true,
    open: async (page) => {
      await containerList(page);
      await page.getByRole('button', { name: `Remove ${DEMO.web}`, exact: true }).click();
      await dialogOpen(page);
    },
  },
  {
    name: 'pull-dialog',
    dialog: true,
    open: async (page) => {
      await go(page, '#/registries');
      await page.getByRole('button', { name: 'Pull image…' }).first().click();
      await dialogOpen(page);
    },
  },
  {
    name: 'push-dialog',
    dialog: true,
    open: async (page) => {
      await go(page, '#/registries');
      await page.getByRole('button', { name: 'Push image…' }).first().click();
      await dialogOpen(page);
    },
  },
  {
    name: 'tag-dialog',
    dialog: true,
    open: async (page) => {
      await imageList(page);
      await page.getByRole('button', { name: `Tag ${DEMO.image}`, exact: true }).click();
      await dialogOpen(page);
    },
  },
  {
    name: 'remove-image-dialog',
    dialog: true,
    open: async (page) => {
      await imageList(page);
      await page.getByRole('button', { name: `Remove ${DEMO.image}`, exact: true }).click();
      await dialogOpen(page);
      await expect(page.getByRole('dialog').getByText(/Checking/)).toHaveCount(0);
    },
  },
  {
    name: 'prune-dialog',
    dialog: true,
    open: async (page) => {
      await imageList(page);
      await page.getByRole('button', { name: 'Prune…' }).click();
      await dialogOpen(page);
      // The preview replays the engine's prune rules over every local image: slow on a busy shared engine.
      await expect(page.getByRole('dialog').getByText(/Working out|Loading/)).toHaveCount(0, { timeout: 60_000 });
    },
  },
  {
    name: 'load-dialog',
    dialog: true,
    open: async (page) => {
      await imageList(page);
      await page.getByRole('button', { name: 'Load from file…' }).click();
      await dialogOpen(page);
    },
  },
  {
    name: 'command-palette',
    dialog: true,
    open: async (page) => {
      await containerList(page);
      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.press('Control+k');
      await dialogOpen(page, 'Command palette');
    },
  },
  {
    name: 'shortcuts-dialog',
    dialog: true,
    open: async (page) => {
      await containerList(page);
      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.press('?');
      await dialogOpen(page, 'Keyboard shortcuts');
    },
  },
  ...storageViews.map((v) => ({ ...v, open: (page: Page, d: Demo) => v.open(page, { web: d.web.id, networkId: d.networkId }) })),
];

/** Closes whatever dialog is open and waits until it is gone. */
export async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
}

export const WIDTHS = [
  { width: 1024, height: 768 },
  { width: 1400, height: 900 },
  { width: 1920, height: 1080 },
] as const;

export interface Tour {
  berth: BerthServer;
  page: Page;
  demo: Demo;
}

/** One server, the demo cast and one signed-in page, for a whole spec file (its beforeAll). */
export async function startTour(browser: Browser, viewport: { width: number; height: number }): Promise<Tour> {
  const [berth, demo] = await Promise.all([startBerthServer(), createDemo()]);
  const page = await (await browser.newContext({ viewport })).newPage();
  reportPageProblems(page, `tour at ${viewport.width} px`);
  await page.goto(berth.loginUrl);
  // The app is up (the first page's heading), so a spec's first step does not race its start.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  return { berth, page, demo };
}

/** Its afterAll: the page, the server and everything the cast made. */
export async function endTour(tour: Tour | undefined): Promise<void> {
  await tour?.page.context().close();
  await tour?.berth.stop();
  await removeTestObjects();
  await removeDemoImages();
  closeFixtureClient();
}
