import { expect, type Locator, type Page } from '@playwright/test';

export type RunFieldLabel =
  | 'Image'
  | 'Name'
  | 'Command'
  | 'Ports'
  | 'Environment'
  | 'Volumes'
  | 'CPUs'
  | 'Memory'
  | 'Labels'
  | 'Network aliases'
  | 'IPv4 address';

/** The run dialog as assistive technology finds it: by role and accessible name. */
export class RunDialogPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Run a container' });
  }

  /** The "Run container" button of the containers page toolbar. */
  async openFromContainersPage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run container', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  field(label: RunFieldLabel | 'Restart policy' | 'Network'): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  checkbox(label: 'Remove when stopped' | 'Interactive with TTY'): Locator {
    return this.dialog.getByRole('checkbox', { name: label, exact: true });
  }

  async fill(values: Partial<Record<RunFieldLabel, string>>): Promise<void> {
    for (const [label, value] of Object.entries(values) as [RunFieldLabel, string][]) await this.field(label).fill(value);
  }

  get runButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Run', exact: true });
  }

  /** A field refused inline: marked invalid, with the message as its description. */
  async expectProblem(label: RunFieldLabel, message: RegExp): Promise<void> {
    const field = this.field(label);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
  }
}
