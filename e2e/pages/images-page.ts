import { expect, type Locator, type Page } from '@playwright/test';

/** The images page and an image's details, found by role and accessible name. */
export class ImagesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Images' }).click();
    await expect(this.page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
  }

  get filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter images' });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Images' });
  }

  nameLink(ref: string): Locator {
    return this.table.getByRole('link', { name: ref, exact: true });
  }

  action(verb: string, ref: string): Locator {
    return this.page.getByRole('button', { name: `${verb} ${ref}`, exact: true });
  }

  async show(ref: string): Promise<void> {
    await this.filter.fill(ref);
    await expect(this.nameLink(ref)).toBeVisible();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  tab(name: 'Overview' | 'Layers' | 'Inspect'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  get layersTable(): Locator {
    return this.page.getByRole('table', { name: 'Layers, base first' });
  }

  get familyTree(): Locator {
    return this.page.getByRole('tree', { name: 'Images by shared layers' });
  }
}
