import { expect, test } from '@playwright/test';
import { ClientsPage, consolePages, pageScrollWidth } from '../support/console';

// The console on a laptop (1440×900) and on a phone (390×844): nothing makes the page
// wider than the screen, the navigation folds behind a "Menu" button on the phone, and
// the client details panel sits beside a list that keeps every column on a wide screen.

const laptop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };
// The list searched down to one default client, wherever the clients other tests made put it.
const desktopAgentListed = '/console/clients?q=thalamus-desktop-agent';

for (const [device, viewport] of [
  ['a laptop', laptop],
  ['a phone', phone],
] as const) {
  test.describe(`On ${device} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });

    test('no console page is wider than the screen; wide tables scroll inside their own frame', async ({ page }) => {
      for (const { path, heading } of consolePages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        expect(await pageScrollWidth(page), path).toBeLessThanOrEqual(viewport.width);
      }
      const clients = new ClientsPage(page);
      await page.goto(desktopAgentListed);
      await clients.row('Thalamus Desktop Agent').click();
      await expect(clients.details).toBeVisible();
      expect(await pageScrollWidth(page), 'clients with the details panel open').toBeLessThanOrEqual(viewport.width);
    });
  });
}

test.describe('On a phone (390×844)', () => {
  test.use({ viewport: phone });

  test('the navigation opens from the Menu button, and following a link closes it', async ({ page }) => {
    await page.goto('/console/clients');
    const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' });
    const navigation = page.getByRole('navigation', { name: 'Console' });
    await expect(navigation).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(navigation).toBeVisible();
    await navigation.getByRole('link', { name: 'Users' }).click();

    await expect(page).toHaveURL(/\/console\/users$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expect(navigation).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  test('Escape closes the menu and gives the focus back to the Menu button', async ({ page }) => {
    await page.goto('/console/scopes');
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Overview' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('navigation', { name: 'Console' })).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test('the client list scrolls sideways inside its frame, says so, and the search box keeps its width', async ({ page }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    await expect(page.getByText('Scroll sideways for more columns')).toBeVisible();
    expect((await clients.search.boundingBox())!.width).toBeGreaterThan(300);
    // The title fits on one line, not one word per line.
    expect((await page.getByRole('heading', { level: 1, name: 'OAuth Clients' }).boundingBox())!.height).toBeLessThan(50);
  });

  test('the details panel is a full-screen sheet that takes the focus; Escape closes it', async ({ page }) => {
    const clients = new ClientsPage(page);
    await page.goto(desktopAgentListed);
    await clients.row('Thalamus Desktop Agent').click();
    await expect(clients.details).toBeVisible();
    expect(await clients.details.boundingBox()).toEqual({ x: 0, y: 0, width: phone.width, height: phone.height });
    await expect(clients.details.getByRole('button', { name: 'Close details' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(clients.details).toBeHidden();
    await expect(page).not.toHaveURL(/client=/);
  });
});

test.describe('On a laptop (1440×900)', () => {
  test.use({ viewport: laptop });

  test('the sidebar is always there and there is no Menu button', async ({ page }) => {
    await page.goto('/console/users');
    await expect(page.getByRole('navigation', { name: 'Console' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  });

  test('with the details panel open, the selected row still shows every column and its actions', async ({ page }) => {
    // A client registered in the console has the longest "Registered by": the admin's email.
    const name = `Ledger Sync ${Date.now()}`;
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startSyncConnector(name);
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    await expect(clients.dialog.getByRole('heading', { name: 'Client created' })).toBeVisible();
    await page.goto(`/console/clients?q=${encodeURIComponent(name)}`);
    await clients.row(name).click();
    await expect(clients.details).toBeVisible();

    const table = page.getByRole('table');
    const headers = table.getByRole('columnheader');
    await expect(headers.filter({ hasText: /^Created/i })).toBeInViewport({ ratio: 1 });
    expect(await headers.count()).toBeGreaterThanOrEqual(7);
    for (const header of await headers.all()) await expect(header).toBeInViewport({ ratio: 1 });
    const tableBox = (await table.boundingBox())!;
    const panelBox = (await clients.details.boundingBox())!;
    expect(tableBox.x + tableBox.width, 'the list ends where the panel begins').toBeLessThanOrEqual(panelBox.x);
    await expect(page.getByText('Scroll sideways for more columns')).toBeHidden();

    const row = clients.row(name);
    await expect(row).toContainText('console: admin@example.test');
    const cells = row.getByRole('cell');
    await expect(cells).toHaveCount(await headers.count());
    for (const cell of await cells.all()) await expect(cell).toBeInViewport({ ratio: 1 });
    for (const action of ['View', 'Edit', 'Delete']) await expect(row.getByRole('button', { name: `${action} ${name}` })).toBeInViewport({ ratio: 1 });
  });
});
