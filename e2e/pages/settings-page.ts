import { expect, type Locator, type Page } from '@playwright/test';

/** The settings page, found by role and accessible name. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Settings', level: 1 });
  }

  /** "Saved." once the last change is on disk. */
  get saveStatus(): Locator {
    return this.page.locator('.settings-save-status');
  }

  theme(name: 'Same as the system' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name, exact: true });
  }

  engineMode(name: 'Automatic' | 'Docker context' | 'Custom address'): Locator {
    return this.page.getByRole('group', { name: 'Engine endpoint' }).getByRole('radio', { name, exact: true });
  }

  get engineAddress(): Locator {
    return this.page.getByRole('textbox', { name: 'Engine address' });
  }

  get connect(): Locator {
    return this.page.getByRole('button', { name: 'Connect', exact: true });
  }

  get context(): Locator {
    return this.page.getByRole('combobox', { name: 'Context' });
  }

  /** The "Now: Connected to …" line of the engine section. */
  get engineNow(): Locator {
    return this.page.locator('.settings-engine-status');
  }

  get lineCap(): Locator {
    return this.page.getByRole('textbox', { name: 'Log lines kept per view' });
  }

  get applyLineCap(): Locator {
    return this.page.getByRole('button', { name: 'Apply line limit' });
  }

  /** An on/off setting (drawn as a switch). */
  toggle(name: RegExp | string): Locator {
    return this.page.getByRole('switch', { name });
  }

  /** The page background as the browser paints it, e.g. "rgb(22, 24, 29)". */
  backgroundColour(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }
}
