import type { Locator, Page } from '@playwright/test';

/** The build page (#/build), found by role and accessible name. */
export class BuildPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(new URL('#/build', this.page.url()).toString());
    await this.page.getByRole('heading', { name: 'Build an image' }).waitFor();
  }

  /** Through the images page's toolbar, as a user gets there. */
  async openFromImagesPage(): Promise<void> {
    await this.page.goto(new URL('#/images', this.page.url()).toString());
    await this.page.getByRole('toolbar', { name: 'Image actions' }).getByRole('button', { name: 'Build image', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Build an image' }).waitFor();
  }

  field(label: 'Folder' | 'Dockerfile' | 'Tag' | 'Build arguments' | 'Labels' | 'Target stage'): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get buildButton(): Locator {
    return this.page.getByRole('button', { name: 'Build', exact: true });
  }

  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel build', exact: true });
  }

  get currentStep(): Locator {
    return this.page.getByRole('status', { name: 'Current step' });
  }

  get output(): Locator {
    return this.page.getByRole('region', { name: 'Build output' });
  }
}
