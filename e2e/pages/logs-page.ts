import { expect, type Locator, type Page } from '@playwright/test';

/** A log view (a container's Logs tab or a project's logs), found by role and name. */
export class LogsPage {
  constructor(
    readonly page: Page,
    readonly name: string,
  ) {}

  /** Opens the Logs tab of a container from the signed-in app. */
  static async openContainer(page: Page, id: string, name: string): Promise<LogsPage> {
    await page.evaluate((hash) => (window.location.hash = hash), `#/containers/${id}`);
    await page.getByRole('tab', { name: 'Logs' }).click();
    const logs = new LogsPage(page, name);
    await expect(logs.region).toBeVisible();
    return logs;
  }

  static async openProject(page: Page, project: string): Promise<LogsPage> {
    await page.evaluate((hash) => (window.location.hash = hash), `#/projects/${encodeURIComponent(project)}/logs`);
    const logs = new LogsPage(page, project);
    await expect(logs.region).toBeVisible();
    return logs;
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: `Logs of ${this.name}` });
  }
  get lines(): Locator {
    return this.region.getByRole('list', { name: 'Log lines' }).getByRole('listitem');
  }
  line(text: string | RegExp): Locator {
    return this.lines.filter({ hasText: text });
  }
  get status(): Locator {
    return this.region.locator('.log-status');
  }
  button(name: string): Locator {
    return this.region.getByRole('button', { name, exact: true });
  }
  checkbox(name: string): Locator {
    return this.region.getByRole('checkbox', { name });
  }
  get search(): Locator {
    return this.region.getByRole('searchbox', { name: 'Search logs' });
  }
  get tail(): Locator {
    return this.region.getByRole('combobox', { name: 'Lines to load' });
  }
  get highlights(): Locator {
    return this.region.locator('mark');
  }
}
