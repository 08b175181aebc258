import { expect, type Page } from '@playwright/test';
import type { TestUser } from './cli';
import { authenticatorCode } from './totp';

/** The hosted sign-in page, as a user sees it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async expectVisible() {
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  async signIn(user: Pick<TestUser, 'email' | 'password'>) {
    await this.expectVisible();
    await this.page.getByLabel('Email').fill(user.email);
    await this.page.getByLabel('Password').fill(user.password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async enterCode(code: string) {
    await this.page.getByLabel('Authentication code').fill(code);
    await this.page.getByRole('button', { name: /Verify|Turn on two-step verification/ }).click();
  }

  /** Sets up two-step verification with an authenticator app, as asked after the password; returns the setup key. */
  async enrollAuthenticator(): Promise<string> {
    await expect(this.page.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
    const setupKey = (await this.page.getByLabel('Setup key').textContent())!;
    await this.enterCode(authenticatorCode(setupKey));
    await this.page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    return setupKey;
  }
}
