import { expect, type Locator, type Page } from '@playwright/test';

/** The Registries page and its Pull / Push dialogs, found by role and accessible name. */
export class RegistriesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Registries' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Registries' })).toBeVisible();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The dialog's image field (Pull: "Image", Push: "Local image"). */
  imageField(kind: 'pull' | 'push'): Locator {
    return this.dialog.getByRole('textbox', { name: kind === 'pull' ? 'Image' : 'Local image', exact: true });
  }

  async openTransfer(kind: 'pull' | 'push'): Promise<void> {
    await this.page.getByRole('button', { name: kind === 'pull' ? 'Pull image…' : 'Push image…' }).click();
    await expect(this.dialog.getByRole('heading', { name: kind === 'pull' ? 'Pull image' : 'Push image' })).toBeVisible();
  }

  async startTransfer(kind: 'pull' | 'push', ref: string): Promise<void> {
    await this.imageField(kind).fill(ref);
    await this.dialog.getByRole('button', { name: kind === 'pull' ? 'Pull' : 'Push', exact: true }).click();
  }

  get layers(): Locator {
    return this.dialog.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  }

  get overall(): Locator {
    return this.dialog.getByRole('progressbar', { name: 'Overall progress' });
  }

  field(name: 'Registry' | 'Username' | 'Password or token'): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  async logIn(server: string, username: string, password: string): Promise<void> {
    await this.field('Registry').fill(server);
    await this.field('Username').fill(username);
    await this.field('Password or token').fill(password);
    await this.page.getByRole('button', { name: 'Log in', exact: true }).click();
  }

  logoutButton(registry: string): Locator {
    return this.page.getByRole('button', { name: `Log out ${registry}`, exact: true });
  }

  get hubSearch(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search Docker Hub' });
  }
}
