import { expect, type Locator, type Page } from '@playwright/test';
import { resultsPath } from './test-results';

export const adminStorageState = resultsPath('.auth', 'admin.json');

/** A date as the console shows it (components/console/format-date.ts): "3 Sept 2026, 09:05 UTC". */
export const consoleDate = /^\d{1,2} \w{3,4} \d{4}, \d{2}:\d{2} UTC$/;

/** Configuration › OAuth Clients, as an administrator uses it. */
export class ClientsPage {
  readonly createButton: Locator;
  readonly search: Locator;
  readonly details: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.createButton = page.getByRole('button', { name: 'Create Client' });
    this.search = page.getByRole('searchbox', { name: 'Search' });
    this.details = page.getByRole('complementary', { name: 'Client Details' });
    this.dialog = page.getByRole('dialog');
  }

  async open() {
    await this.page.goto('/console/clients');
    await expect(this.page.getByRole('heading', { name: 'OAuth Clients' })).toBeVisible();
  }

  row(name: string) {
    return this.page.getByRole('row', { name });
  }

  async addTo(list: 'Redirect URIs' | 'Scopes' | 'Allowed CORS Origins', value: string) {
    const group = this.dialog.getByRole('group', { name: list });
    // The scope field suggests registered scopes, which makes it a combobox.
    await group.getByRole(list === 'Scopes' ? 'combobox' : 'textbox', { name: list }).fill(value);
    await group.getByRole('button', { name: 'Add' }).click();
  }

  async startCustomClient() {
    await this.createButton.click();
    await this.dialog.getByRole('button', { name: /Custom Client/ }).click();
  }

  /** The Sync Connector form filled in with a name, ready for "Create Client". */
  async startSyncConnector(name: string) {
    await this.createButton.click();
    await this.dialog.getByRole('button', { name: /Sync Connector Client/ }).click();
    await this.dialog.getByLabel('Client Name').fill(name);
  }

  /**
   * Closes the show-once credentials dialog the way an admin must: a secret on screen is
   * first confirmed as stored ("Done" waits for it); a public client's dialog closes at once.
   */
  async finishSecretDialog() {
    const done = this.dialog.getByRole('button', { name: 'Done' });
    // Done appears with the credentials; a confidential client's secret must be confirmed stored first.
    await expect(done).toBeVisible();
    if (await this.dialog.getByLabel('Client Secret', { exact: true }).count()) await this.dialog.getByRole('checkbox', { name: 'I have stored the secret' }).check();
    await done.click();
    await expect(this.dialog).toBeHidden();
  }

  /** The value the details panel shows under one of its labels ("Client ID", "Grant Types", …). */
  detail(label: string): Locator {
    return this.details
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }
}

/**
 * The cell of a console list's row under one of the list's column headers ("Last used",
 * "Two-step", …), found by the header's position so the test names the column it means.
 */
export async function columnCell(table: Locator, rowName: string, column: string): Promise<Locator> {
  const headers = (await table.getByRole('columnheader').allTextContents()).map((header) => header.trim());
  const index = headers.indexOf(column);
  if (index < 0) throw new Error(`no column "${column}" in ${headers.join(', ')}`);
  return table.getByRole('row', { name: rowName }).getByRole('cell').nth(index);
}

/** Every page of the console's navigation, with the heading it opens on. */
export const consolePages = [
  { path: '/console', heading: 'Overview' },
  { path: '/console/clients', heading: 'OAuth Clients' },
  { path: '/console/scopes', heading: 'OAuth Scopes' },
  { path: '/console/apis', heading: 'APIs' },
  { path: '/console/organizations', heading: 'Organizations' },
  { path: '/console/users', heading: 'Users' },
  { path: '/console/groups', heading: 'Groups' },
  { path: '/console/settings/api-keys', heading: 'API Keys' },
  { path: '/console/settings/email', heading: 'Email' },
  { path: '/console/settings/sign-in', heading: 'Sign-in' },
  { path: '/console/audit', heading: 'Audit Log' },
] as const;

/** How wide the page is, scrolled sideways included: at most the viewport when nothing overflows. */
export function pageScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
