import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette (Ctrl+K) and the keyboard shortcuts help. */
export class Palette {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Command palette' });
  }

  get input(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Search commands, containers, images and volumes' });
  }

  get results(): Locator {
    return this.dialog.getByRole('listbox');
  }

  option(name: string): Locator {
    return this.results.getByRole('option', { name, exact: true });
  }

  get selected(): Locator {
    return this.results.locator('[role="option"][aria-selected="true"]');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.input).toBeFocused();
  }

  /** Types a query, waits for the option to be the highlighted one, and runs it with Enter. */
  async run(query: string, option: string): Promise<void> {
    await this.input.fill(query);
    await expect(this.selected).toHaveAccessibleName(option);
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeHidden();
  }

  /** Takes focus out of any field, as clicking on empty page space would. */
  async blur(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  get help(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }
}
