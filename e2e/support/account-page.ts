import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { createDb } from '../../lib/db/client';
import type { TestUser } from './cli';
import { SignInPage } from './sign-in-page';

/** The account page (/account), as its owner sees it. */
export class AccountPage {
  constructor(readonly page: Page) {}

  /** Opens /account; without a Thalamus session the hosted sign-in comes first. */
  async open(user?: Pick<TestUser, 'email' | 'password'>) {
    await this.page.goto('/account');
    if (user) await new SignInPage(this.page).signIn(user);
    await this.expectSignedIn();
  }

  async expectSignedIn() {
    await expect(this.page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
  }

  /** Reloading /account in a browser whose session ended asks it to sign in. */
  async expectSignedOut() {
    await this.page.goto('/account');
    await new SignInPage(this.page).expectVisible();
  }

  section(name: 'Profile' | 'Email' | 'Change password' | 'Two-step verification' | 'Connected apps' | 'Sessions' | 'Security activity'): Locator {
    return this.page.getByRole('region', { name });
  }

  async changePassword(current: string, next: string) {
    const section = this.section('Change password');
    await section.getByLabel('Current password').fill(current);
    await section.getByLabel('New password').fill(next);
    await section.getByLabel('Confirm password').fill(next);
    await section.getByRole('button', { name: 'Change password' }).click();
  }
}

/** A second browser (its own cookies) signed in to the account page. */
export async function accountInNewBrowser(
  browser: Browser,
  user: Pick<TestUser, 'email' | 'password'>,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; account: AccountPage }> {
  const context = await browser.newContext(options);
  const account = new AccountPage(await context.newPage());
  await account.open(user);
  return { context, account };
}

/**
 * What an administrator's "Disable" does to the account (the console's Users pages), done
 * on the database so this check does not depend on those pages.
 */
export async function disableAccount(userId: string): Promise<void> {
  const db = createDb();
  try {
    await db.user.update({ where: { id: userId }, data: { disabled: true } });
  } finally {
    await db.$disconnect();
  }
}

/** How many sign-in sessions of the account the provider holds. */
export async function sessionCount(userId: string): Promise<number> {
  const db = createDb();
  try {
    return await db.oidcModel.count({ where: { type: 'Session', accountId: userId } });
  } finally {
    await db.$disconnect();
  }
}
