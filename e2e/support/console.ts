import { expect, type Locator, type Page } from '@playwright/test';

export const adminStorageState = 'test-results/.auth/admin.json';

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

  async addTo(list: 'Redirect URIs' | 'Scopes', value: string) {
    const group = this.dialog.getByRole('group', { name: list });
    // The scope field suggests registered scopes, which makes it a combobox.
    await group.getByRole(list === 'Scopes' ? 'combobox' : 'textbox', { name: list }).fill(value);
    await group.getByRole('button', { name: 'Add' }).click();
  }

  async startCustomClient() {
    await this.createButton.click();
    await this.dialog.getByRole('button', { name: /Custom Client/ }).click();
  }
}
