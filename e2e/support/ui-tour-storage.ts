import { expect, type Page } from '@playwright/test';
import { createTestNetwork, fixtureClient, TEST_LABELS } from '../../src-main/test-support/engine-fixtures';

/**
 * The tour's stops for the pages that came after the first list: volumes (and a volume's
 * files), networks, disk usage, activity and a container's Files tab, with their dialogs.
 * The cast they need (two volumes, two networks) is made by `createStorageDemo`, labelled
 * as every test object is, so the tour's end (`removeTestObjects`) removes it.
 */
export const STORAGE_DEMO = {
  /** Mounted by the demo's db at /data, filled with a few files and folders. */
  volume: 'berth-test-demo-data',
  /** Used by nobody, so its remove dialog asks rather than refuses. */
  spareVolume: 'berth-test-demo-scratch',
  /** The db and web containers are on it. */
  network: 'berth-test-demo-backend',
  /** Unused, so it can be removed. */
  spareNetwork: 'berth-test-demo-spare',
  filter: 'berth-test-demo',
  /** Matches nothing: the lists' empty states. */
  nothing: 'no-such-thing-zz',
} as const;

/** The db's command: fills its volume with a realistic tree, then idles. */
export const DB_CMD = [
  'sh',
  '-c',
  [
    'mkdir -p /data/backups /data/cache /data/pgdata/base',
    'printf "listen_addresses = *\\nmax_connections = 100\\nshared_buffers = 128MB\\n" > /data/pgdata/postgresql.conf',
    'head -c 180000 /dev/urandom > /data/backups/nightly-2026-12-01T02-00-00Z-full-database-snapshot.dump',
    'head -c 4200 /dev/urandom > /data/pgdata/base/16384',
    'echo "ready" > /data/READY',
    'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done',
  ].join('; '),
];

/** Runs `make` until the fixed name it wants is free (another tour on this engine may hold it). */
async function whenFree<T>(make: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      return await make();
    } catch (err) {
      if ((err as { code?: string }).code !== 'conflict' || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export interface StorageDemo {
  networkId: string;
  spareNetworkId: string;
}

/** Volumes and networks before the containers that use them; labelled with the compose project. */
export async function createStorageDemo(project: string): Promise<StorageDemo> {
  const client = fixtureClient();
  await client.createVolume(STORAGE_DEMO.volume, { ...TEST_LABELS, 'com.docker.compose.project': project, 'com.docker.compose.volume': 'data' });
  await client.createVolume(STORAGE_DEMO.spareVolume, { ...TEST_LABELS });
  const networkId = await whenFree(() => createTestNetwork(STORAGE_DEMO.network, { labels: { 'com.docker.compose.project': project, 'com.docker.compose.network': 'backend' } }));
  const spareNetworkId = await whenFree(() => createTestNetwork(STORAGE_DEMO.spareNetwork));
  return { networkId, spareNetworkId };
}

/** Puts a running container on the demo network too (its first network stays). */
export async function connectToDemoNetwork(container: string): Promise<void> {
  await fixtureClient().request({
    method: 'POST',
    path: `/networks/${encodeURIComponent(STORAGE_DEMO.network)}/connect`,
    body: { Container: container },
    action: 'connect',
    object: `container ${container}`,
  });
}

interface StorageView {
  name: string;
  dialog?: boolean;
  open(page: Page, ids: { web: string; networkId: string }): Promise<void>;
}

const go = async (page: Page, hash: string) => {
  await page.evaluate((h) => (window.location.hash = h), hash);
};
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const dialogOpen = (page: Page, name?: string | RegExp) => expect(name ? page.getByRole('dialog', { name }) : page.getByRole('dialog')).toBeVisible();
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

const volumeList = async (page: Page, filter: string = STORAGE_DEMO.filter) => {
  await go(page, '#/volumes');
  await expect(heading(page, 'Volumes')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter volumes' }).fill(filter);
  if (filter === STORAGE_DEMO.filter) await expect(page.getByRole('link', { name: STORAGE_DEMO.volume, exact: true })).toBeVisible();
};
const volumeFiles = async (page: Page) => {
  // Through the overview: the browser starts again at / rather than in the folder last shown.
  await go(page, `#/volumes/${encodeURIComponent(STORAGE_DEMO.volume)}`);
  await expect(heading(page, STORAGE_DEMO.volume)).toBeVisible();
  await go(page, `#/volumes/${encodeURIComponent(STORAGE_DEMO.volume)}/files`);
  await expect(page.getByRole('table', { name: 'Files in /' }).getByRole('button', { name: 'Open backups' })).toBeVisible({ timeout: 20_000 });
};
const networkList = async (page: Page, filter: string = STORAGE_DEMO.filter) => {
  await go(page, '#/networks');
  await expect(heading(page, 'Networks')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter networks' }).fill(filter);
  if (filter === STORAGE_DEMO.filter) await expect(page.getByRole('link', { name: STORAGE_DEMO.spareNetwork, exact: true })).toBeVisible();
};
const diskUsage = async (page: Page) => {
  await go(page, '#/disk-usage');
  await expect(heading(page, 'Disk usage')).toBeVisible();
  const measured = page.getByRole('status').filter({ hasText: /^Measured / });
  if (!(await measured.isVisible())) {
    await page.getByRole('button', { name: /^Measure( again)?$/ }).click();
    // The engine walks every layer and volume of a shared machine: it takes its time.
    await expect(measured).toBeVisible({ timeout: 60_000 });
  }
};
const activity = async (page: Page, filter: string) => {
  await go(page, '#/activity');
  await expect(heading(page, 'Activity')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter by name or id' }).fill(filter);
};

/** The stops, each opened the way a user gets there; ui-tour.ts appends them to its list. */
export const storageViews: StorageView[] = [
  { name: 'volumes', open: (page) => volumeList(page) },
  {
    name: 'volumes-empty',
    open: async (page) => {
      await volumeList(page, STORAGE_DEMO.nothing);
      await expect(page.getByText('No volumes match the filter')).toBeVisible();
    },
  },
  {
    name: 'volume-overview',
    open: async (page) => {
      await go(page, `#/volumes/${encodeURIComponent(STORAGE_DEMO.volume)}`);
      await expect(heading(page, STORAGE_DEMO.volume)).toBeVisible();
      await expect(page.getByRole('link', { name: 'berth-test-demo-db-1' }).first()).toBeVisible();
    },
  },
  { name: 'volume-files', open: volumeFiles },
  {
    name: 'volume-files-empty-folder',
    open: async (page) => {
      await volumeFiles(page);
      await page.getByRole('button', { name: 'Open cache' }).click();
      await expect(page.getByText('This folder is empty.')).toBeVisible();
    },
  },
  {
    name: 'file-viewer-dialog',
    dialog: true,
    open: async (page) => {
      await volumeFiles(page);
      await page.getByRole('button', { name: 'Open pgdata' }).click();
      await page.getByRole('table', { name: 'Files in /pgdata' }).getByRole('button', { name: 'View postgresql.conf' }).first().click();
      await expect(page.getByRole('dialog').getByLabel('Content of postgresql.conf')).toContainText('max_connections');
    },
  },
  {
    name: 'create-volume-dialog',
    dialog: true,
    open: async (page) => {
      await volumeList(page);
      await button(page, 'Create volume').first().click();
      await dialogOpen(page, 'Create volume');
    },
  },
  {
    name: 'create-volume-dialog-errors',
    dialog: true,
    open: async (page) => {
      await volumeList(page);
      await button(page, 'Create volume').first().click();
      const dialog = page.getByRole('dialog', { name: 'Create volume' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('data/with a slash');
      await dialog.getByRole('textbox', { name: 'Labels' }).fill('=no-key');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    },
  },
  {
    name: 'remove-volume-dialog',
    dialog: true,
    open: async (page) => {
      await volumeList(page);
      await button(page, `Remove volume ${STORAGE_DEMO.spareVolume}`).click();
      await dialogOpen(page);
    },
  },
  {
    name: 'remove-volume-in-use-dialog',
    dialog: true,
    open: async (page) => {
      await volumeList(page);
      await button(page, `Remove volume ${STORAGE_DEMO.volume}`).click();
      await expect(page.getByRole('dialog').getByRole('alert')).toContainText('a container uses it');
    },
  },
  {
    name: 'prune-volumes-dialog',
    dialog: true,
    open: async (page) => {
      await volumeList(page);
      await button(page, 'Prune…').click();
      await dialogOpen(page);
      await page.getByRole('dialog').getByRole('radio', { name: 'Named volumes too' }).check();
      await page.getByRole('dialog').getByRole('textbox', { name: 'Only with label' }).fill('berth.test');
      await page.getByRole('dialog').getByRole('textbox', { name: 'Only with label' }).press('Enter');
      await expect(page.getByRole('dialog').getByText(/Working out/)).toHaveCount(0, { timeout: 30_000 });
    },
  },
  { name: 'networks', open: (page) => networkList(page) },
  {
    name: 'networks-empty',
    open: async (page) => {
      await networkList(page, STORAGE_DEMO.nothing);
      await expect(page.getByText('No network matches the filter.')).toBeVisible();
    },
  },
  {
    name: 'network-details',
    open: async (page, ids) => {
      await go(page, `#/networks/${encodeURIComponent(ids.networkId)}`);
      await expect(heading(page, STORAGE_DEMO.network)).toBeVisible();
      await expect(page.getByRole('table', { name: `Containers on ${STORAGE_DEMO.network}` }).getByRole('row')).toHaveCount(3);
    },
  },
  {
    name: 'create-network-dialog',
    dialog: true,
    open: async (page) => {
      await networkList(page);
      await button(page, 'Create network').click();
      await dialogOpen(page, 'Create network');
    },
  },
  {
    name: 'create-network-dialog-errors',
    dialog: true,
    open: async (page) => {
      await networkList(page);
      await button(page, 'Create network').click();
      const dialog = page.getByRole('dialog', { name: 'Create network' });
      await dialog.getByLabel('Name', { exact: true }).fill('bad name!');
      await dialog.getByLabel('Subnet', { exact: true }).fill('10.300.0.0/24');
      await dialog.getByLabel('Gateway', { exact: true }).fill('not-an-ip');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await expect(dialog.getByLabel('Subnet', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    },
  },
  {
    name: 'remove-network-dialog',
    dialog: true,
    open: async (page) => {
      await networkList(page);
      await button(page, `Remove network ${STORAGE_DEMO.spareNetwork}`).click();
      await dialogOpen(page);
    },
  },
  {
    name: 'prune-networks-dialog',
    dialog: true,
    open: async (page) => {
      await networkList(page);
      await button(page, 'Remove unused networks').click();
      await dialogOpen(page);
      await page.getByRole('dialog').getByLabel('Only networks with the label', { exact: true }).fill('berth.test');
      await page.getByRole('dialog').getByLabel('Only networks with the label', { exact: true }).press('Enter');
      await expect(page.getByRole('dialog').getByRole('list', { name: 'Networks to remove' })).toBeVisible({ timeout: 30_000 });
    },
  },
  {
    name: 'connect-network-dialog',
    dialog: true,
    open: async (page) => {
      await networkList(page);
      await button(page, `Connect a container to ${STORAGE_DEMO.spareNetwork}`).click();
      await dialogOpen(page, 'Connect container to network');
    },
  },
  {
    name: 'container-connect-network-dialog',
    dialog: true,
    open: async (page, ids) => {
      await go(page, `#/containers/${ids.web}`);
      await button(page, 'Connect to network').click();
      await dialogOpen(page, 'Connect container to network');
    },
  },
  { name: 'disk-usage', open: diskUsage },
  {
    name: 'disk-cleanup-containers-dialog',
    dialog: true,
    open: async (page) => {
      await diskUsage(page);
      await button(page, 'Clean up containers…').click();
      await dialogOpen(page, 'Remove stopped containers');
      await page.getByRole('dialog').getByRole('textbox', { name: 'Only with label' }).fill('berth.test');
      await page.getByRole('dialog').getByRole('textbox', { name: 'Only with label' }).press('Enter');
      await expect(page.getByRole('dialog').getByText(/Finding/)).toHaveCount(0, { timeout: 30_000 });
    },
  },
  {
    name: 'disk-cleanup-build-cache-dialog',
    dialog: true,
    open: async (page) => {
      await diskUsage(page);
      await button(page, 'Clean up build cache…').click();
      await dialogOpen(page, 'Remove build cache');
      await expect(page.getByRole('dialog').getByText(/Reading the build cache/)).toHaveCount(0, { timeout: 30_000 });
    },
  },
  {
    name: 'activity',
    open: async (page) => {
      await activity(page, STORAGE_DEMO.filter);
      await expect(page.getByRole('list', { name: 'Engine events' }).getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: 'activity-empty',
    open: async (page) => {
      await activity(page, STORAGE_DEMO.nothing);
      await expect(page.getByText('No event matches the filter.')).toBeVisible();
    },
  },
  {
    name: 'container-files',
    open: async (page, ids) => {
      await go(page, `#/containers/${ids.web}/files`);
      await expect(page.getByRole('table', { name: 'Files in /' }).getByRole('button', { name: 'Open srv' })).toBeVisible({ timeout: 20_000 });
    },
  },
];
