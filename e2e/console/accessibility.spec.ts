import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from '../support/accessibility';
import { ClientsPage, consolePages } from '../support/console';

// The console for keyboard and screen-reader users: axe-core finds no serious or
// critical problem on any page (nor in the panel, the dialog or the phone menu), a
// skip link leads past the navigation, and every control shows the same focus ring.

test.describe('Accessibility of the console', () => {
  for (const { path, heading } of consolePages) {
    test(`axe finds no serious or critical violation on ${heading}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoSeriousAxeViolations(page, path);
    });
  }

  test('axe finds none with the details panel open, in the Create Client dialog, or in the dark theme', async ({ page }) => {
    test.slow(); // six axe runs
    const clients = new ClientsPage(page);
    await page.goto('/console/clients?q=thalamus-mobile-app');
    await clients.row('Thalamus Mobile App').click();
    await expect(clients.details).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the client details panel');

    await clients.startCustomClient();
    await expect(clients.dialog.getByLabel('Client Name')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the Create Client dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    for (const { path } of consolePages.slice(0, 3)) {
      await page.goto(path);
      await expectNoSeriousAxeViolations(page, `${path} in the dark theme`);
    }
  });

  test('axe finds none on a phone with the menu open', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/console/users');
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Console' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the phone menu');
  });

  test('the first Tab offers "Skip to content", which moves the focus past the header and the sidebar', async ({ page }) => {
    await page.goto('/console/scopes');
    await expect(page.getByRole('banner')).toContainText('Thalamus');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('main').getByRole('button', { name: 'Add Scope' })).toBeFocused();
  });

  test('the search field shows the same focus outline as the buttons', async ({ page }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    const outline = (locator: typeof clients.search) => locator.evaluate((element) => getComputedStyle(element).outline);
    await clients.search.focus();
    const searchOutline = await outline(clients.search);
    expect(searchOutline).toMatch(/solid 2px/);
    await page.keyboard.press('Shift+Tab');
    await expect(clients.createButton).toBeFocused();
    expect(await outline(clients.createButton)).toBe(searchOutline);
  });
});
