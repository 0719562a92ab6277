import { expect, type Locator, type Page } from '@playwright/test';

/** A container's Terminal tab, found by role and accessible name. */
export class TerminalPage {
  constructor(readonly page: Page) {}

  /** Opens the container's details through the URL and switches to the Terminal tab. */
  async open(containerId: string): Promise<void> {
    await this.page.evaluate((id) => {
      window.location.hash = `#/containers/${encodeURIComponent(id)}`;
    }, containerId);
    await this.tab('Terminal').click();
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  sessionTab(label: string): Locator {
    return this.page.getByRole('tablist', { name: 'Terminal sessions' }).getByRole('tab', { name: new RegExp(`^${label}\\b`) });
  }

  screen(label = 'Session 1'): Locator {
    return this.page.getByRole('region', { name: `Terminal ${label}` });
  }

  get status(): Locator {
    return this.page.locator('.terminal-session').getByRole('status');
  }

  closeButton(label: string): Locator {
    return this.page.getByRole('button', { name: `Close ${label.toLowerCase()}` });
  }

  /** Waits for the shell's prompt, then types a line into the terminal. */
  async run(line: string, label = 'Session 1'): Promise<void> {
    const screen = this.screen(label);
    await expect(screen).toBeVisible();
    await screen.click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  async text(label = 'Session 1'): Promise<string> {
    return (await this.screen(label).textContent()) ?? '';
  }

  async newSession(mode: 'Shell (exec)' | 'Attach to main process', command = ''): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Mode' }).selectOption({ label: mode });
    if (mode === 'Shell (exec)') await this.page.getByRole('textbox', { name: 'Command' }).fill(command);
    await this.page.getByRole('button', { name: 'New session' }).click();
  }
}
