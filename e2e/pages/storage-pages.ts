import { expect, type Locator, type Page } from '@playwright/test';

/** The volumes page, a volume's details, the file browser and the disk usage page, by role and name. */
export class StoragePages {
  constructor(readonly page: Page) {}

  private async go(link: string, heading: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await expect(this.page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }

  openVolumes = () => this.go('Volumes', 'Volumes');
  openDiskUsage = () => this.go('Disk usage', 'Disk usage');

  get filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter volumes' });
  }

  get volumesTable(): Locator {
    return this.page.getByRole('table', { name: 'Volumes' });
  }

  volumeLink(name: string): Locator {
    return this.volumesTable.getByRole('link', { name, exact: true });
  }

  volumeRow(name: string): Locator {
    return this.volumesTable.locator(`tr[data-volume="${name}"]`);
  }

  async showVolume(name: string): Promise<void> {
    await this.filter.fill(name);
    await expect(this.volumeLink(name)).toBeVisible();
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  link(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The file browser's table of the folder shown. */
  files(folder: string): Locator {
    return this.page.getByRole('table', { name: `Files in ${folder}` });
  }

  /** Picks files through the page's file chooser opened by the named button. */
  async chooseFiles(buttonName: string, files: { name: string; mimeType: string; buffer: Buffer }[] | string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.button(buttonName).click();
    await (await chooser).setFiles(files);
  }

  get diskTable(): Locator {
    return this.page.getByRole('table', { name: 'Disk usage by category' });
  }

  /** A disk usage row's numbers: count, active, size and reclaimable in bytes. */
  async usageRow(category: 'images' | 'containers' | 'volumes' | 'buildCache'): Promise<{ count: number; active: number; size: number; reclaimable: number }> {
    const cells = this.diskTable.locator(`tr[data-category="${category}"] td`);
    const bytesIn = async (i: number) => Number(await cells.nth(i).locator('[data-bytes]').getAttribute('data-bytes'));
    return {
      count: Number(await cells.nth(1).innerText()),
      active: Number(await cells.nth(2).innerText()),
      size: await bytesIn(3),
      reclaimable: await bytesIn(4),
    };
  }
}
