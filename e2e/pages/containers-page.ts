import { expect, type Locator, type Page } from '@playwright/test';

/** The containers page as a user of assistive technology finds it: by role and name. */
export class ContainersPage {
  constructor(readonly page: Page) {}

  get engineStatus(): Locator {
    return this.page.getByRole('region', { name: 'Engine status' });
  }

  get filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter containers' });
  }

  /** The row's name link; present while the row exists in the list. */
  nameLink(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  action(verb: string, name: string): Locator {
    return this.page.getByRole('button', { name: `${verb} ${name}`, exact: true });
  }

  /** Narrows the virtualized list to one container so its row is on screen. */
  async show(name: string): Promise<void> {
    await this.filter.fill(name);
    await expect(this.nameLink(name)).toBeVisible();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
