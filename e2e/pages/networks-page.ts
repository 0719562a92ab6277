import { expect, type Locator, type Page } from '@playwright/test';

/** The networks pages and dialogs, found by role and accessible name. */
export class NetworksPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).click();
    await expect(this.page.getByRole('heading', { name: 'Networks', level: 1 })).toBeVisible();
  }

  get filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter networks' });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Networks' });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async show(name: string): Promise<void> {
    await this.filter.fill(name);
    await expect(this.row(name)).toBeVisible();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }
}
