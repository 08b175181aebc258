import { expect, test, type Locator } from '@playwright/test';
import { discover } from '../../examples/relying-party';
import { createDb } from '../../lib/db/client';
import { createClient, createUser } from '../support/cli';
import { baseURL } from '../support/test-env';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';

// A right-to-left override (U+202E) in a client's name, saved before such names were
// refused, must not reverse the hosted pages' own words: the name is shown isolated.

/** Whether `first` is laid out left of `second` within the element's text, as English reads. */
async function readsInOrder(element: Locator, first: string, second: string): Promise<boolean> {
  return element.evaluate(
    (node, [a, b]) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      const boxes: Record<string, number> = {};
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        for (const word of [a!, b!]) {
          const at = text.textContent!.indexOf(word);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + word.length);
          boxes[word] = range.getBoundingClientRect().left;
        }
      }
      return boxes[a!]! < boxes[b!]!;
    },
    [first, second],
  );
}

test('a stored name with a direction override cannot turn the sign-in and consent pages around', async ({ page }) => {
  // Two CLI runs, a sign-in and a consent in one test: on a loaded machine it nears 30 s.
  test.slow();
  const user = createUser();
  const redirectUri = 'https://bidi.example.test/callback';
  const { client_secret, ...client } = createClient({
    name: 'Bidi Probe',
    grant_types: ['authorization_code'],
    redirect_uris: [redirectUri],
    scopes: ['openid', 'email'],
    require_consent: true,
  });
  // As a row saved before the rule would be (the API refuses this name now).
  const db = createDb();
  try {
    await db.oAuthClient.update({ where: { clientId: client.client_id }, data: { name: 'Bidi Probe \u202Eetatse laer' } });
  } finally {
    await db.$disconnect();
  }

  const config = await discover(baseURL, client.client_id, client_secret);
  await beginBrowserSignIn(page, config, redirectUri, 'openid email');
  const cardHeader = page.getByText('to continue to');
  await expect(cardHeader).toBeVisible();
  await expect(cardHeader.getByText('Bidi Probe')).toHaveCSS('unicode-bidi', 'isolate');

  await new SignInPage(page).signIn(user);
  await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeVisible();
  const request = page.getByText('would like to:');
  await expect(request.getByText('Bidi Probe')).toHaveCSS('unicode-bidi', 'isolate');
  expect(await readsInOrder(request, 'would', 'like to:')).toBe(true);
  await expect(page.getByRole('button', { name: 'Allow' })).toBeVisible();
});
